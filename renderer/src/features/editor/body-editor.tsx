import Editor, { type OnMount } from '@monaco-editor/react'
import { useEffect, useRef } from 'react'
import type { DraftFormat } from '../../../../shared/model'
import '../../monaco/setup'
import { useColorScheme } from '../../lib/use-color-scheme'
import { attachSpellCheck } from '../spell/spell-check'

const languageOf: Record<DraftFormat, string> = { html: 'html', markdown: 'markdown', text: 'plaintext' }

interface Props {
  /** A new key mounts a fresh model, so undo never crosses from one draft into another. */
  sessionKey: string
  initialValue: string
  format: DraftFormat
  onChange: (value: string) => void
  /** A text to put in place of the body as one undoable edit (a restored version); a new seq each time. */
  replacement?: { text: string; seq: number }
}

/** The body in Monaco. Loaded lazily with its chunk, so the shell paints before the editor is ready. */
export default function BodyEditor({ sessionKey, initialValue, format, onChange, replacement }: Props) {
  const scheme = useColorScheme()
  const editor = useRef<Parameters<OnMount>[0] | null>(null)
  useEffect(() => {
    const e = editor.current
    const model = e?.getModel()
    if (!e || !model || !replacement || model.getValue() === replacement.text) return
    // An edit, not setValue: Ctrl+Z takes the restore back.
    e.pushUndoStop()
    e.executeEdits('restore', [{ range: model.getFullModelRange(), text: replacement.text }])
    e.pushUndoStop()
  }, [replacement])
  return (
    <Editor
      key={sessionKey}
      onMount={(e) => {
        editor.current = e
        const stop = attachSpellCheck(e, format)
        e.onDidDispose(stop)
      }}
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
