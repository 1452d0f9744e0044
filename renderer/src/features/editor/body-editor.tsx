import Editor from '@monaco-editor/react'
import type { DraftFormat } from '../../../../shared/model'
import '../../monaco/setup'
import { useColorScheme } from '../../lib/use-color-scheme'

const languageOf: Record<DraftFormat, string> = { html: 'html', markdown: 'markdown', text: 'plaintext' }

interface Props {
  /** A new key mounts a fresh model, so undo never crosses from one draft into another. */
  sessionKey: string
  initialValue: string
  format: DraftFormat
  onChange: (value: string) => void
}

/** The body in Monaco. Loaded lazily with its chunk, so the shell paints before the editor is ready. */
export default function BodyEditor({ sessionKey, initialValue, format, onChange }: Props) {
  const scheme = useColorScheme()
  return (
    <Editor
      key={sessionKey}
      defaultValue={initialValue}
      language={languageOf[format]}
      theme={scheme === 'dark' ? 'upstream-dark' : 'upstream-light'}
      loading={<p className="muted pane-note">Loading editor…</p>}
      onChange={(value) => onChange(value ?? '')}
      options={{
        ariaLabel: 'Body',
        automaticLayout: true,
        wordWrap: 'on',
        minimap: { enabled: false },
        lineNumbers: 'off',
        folding: false,
        glyphMargin: false,
        scrollBeyondLastLine: false,
        renderLineHighlight: 'none',
        overviewRulerLanes: 0,
        overviewRulerBorder: false,
        hideCursorInOverviewRuler: true,
        fontSize: 14,
        padding: { top: 12, bottom: 12 },
        unicodeHighlight: { ambiguousCharacters: false }, // prose is full of curly quotes and dashes
        tabSize: 2,
      }}
    />
  )
}
