/**
 * Monaco from the local package, never a CDN: the editor and its language workers are bundled by
 * Vite (`?worker`), and @monaco-editor/react is handed this instance instead of loading its own.
 */
import { loader } from '@monaco-editor/react'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import HtmlWorker from 'monaco-editor/languages/features/html/html.worker?worker'
import * as monaco from './monaco-slim'

// Only the HTML language service runs in a worker of its own; everything else uses the editor's.
const workers: Record<string, new () => Worker> = { html: HtmlWorker }

self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) => new (workers[label] ?? EditorWorker)(),
}

loader.config({ monaco })

// vs / vs-dark, with the editor's background matching the app's surface (see styles/base.css).
monaco.editor.defineTheme('upstream-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#ffffff' },
})
monaco.editor.defineTheme('upstream-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#23262b' },
})

export { monaco }
