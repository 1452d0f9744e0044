import { useMemo } from 'react'
import type { DraftFormat } from '../../../../shared/model'
import { useDebounced } from '../../lib/use-debounced'
import { previewDocument } from './preview-document'

interface Props {
  body: string
  format: DraftFormat
}

const notes: Record<DraftFormat, string | null> = {
  html: null,
  markdown: 'Shown as plain text: Markdown isn’t converted to HTML yet.',
  text: 'Plain text, as it will be sent.',
}

/**
 * The page as a browser will show it, in a frame with `sandbox=""`: no scripts, no same-origin, no
 * forms, no popups; its own CSP too. The preview can't reach the app or the contract.
 */
export function PreviewPane({ body, format }: Props) {
  const settled = useDebounced(body, 250)
  const doc = useMemo(() => previewDocument(settled, format), [settled, format])
  const note = notes[format]
  return (
    <div className="pane preview-pane">
      <header className="pane-header">
        <h2>Preview</h2>
        {note && <span className="muted">{note}</span>}
      </header>
      <iframe className="preview-frame" title="Preview of the page" sandbox="" srcDoc={doc} referrerPolicy="no-referrer" />
    </div>
  )
}
