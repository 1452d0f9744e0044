import { useMemo } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { DraftFormat } from '../../../../shared/model'
import { errorText } from '../../lib/error-text'
import { useDebounced } from '../../lib/use-debounced'
import { previewDocument } from './preview-document'
import { useRendered } from './use-rendered'

interface Props {
  api: UpstreamApi
  body: string
  format: DraftFormat
  /** The target shows HTML tags as text (discussion groups: Frontier neutered them by default). */
  neutersTags: boolean
}

/**
 * The page as a browser will show it, in a frame with `sandbox=""`: no scripts, no same-origin, no
 * forms, no popups; its own CSP too. The preview can't reach the app or the contract.
 */
export function PreviewPane({ api, body, format, neutersTags }: Props) {
  const settled = useDebounced(body, 250)
  const rendered = useRendered(api, settled, format)
  const doc = useMemo(() => {
    if (rendered.state === 'ready') return previewDocument(rendered.html, 'html')
    if (rendered.state === 'rendering') return null
    return previewDocument(settled, format === 'markdown' ? 'text' : format)
  }, [rendered, settled, format])

  const note =
    rendered.state === 'failed'
      ? `Shown as plain text: ${errorText(rendered.error, 'Markdown couldn’t be converted')}`
      : format === 'markdown'
        ? 'Converted to HTML as it will be published.'
        : format === 'text'
          ? 'Plain text, as it will be sent.'
          : null

  return (
    <div className="pane preview-pane">
      <header className="pane-header">
        <h2>Preview</h2>
        {note && <span className="muted">{note}</span>}
      </header>
      {neutersTags && format !== 'text' && (
        <p className="preview-note" role="note">
          This discussion group may show HTML tags as text: Frontier servers neuter tags in messages by default, so
          readers could see “&lt;p&gt;” instead of a paragraph. Plain text is the safe choice.
        </p>
      )}
      {doc === null ? (
        <p className="muted pane-note">Rendering…</p>
      ) : (
        <iframe className="preview-frame" title="Preview" sandbox="" srcDoc={doc} referrerPolicy="no-referrer" />
      )}
    </div>
  )
}
