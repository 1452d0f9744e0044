/**
 * Monaco from the local package, never a CDN: the editor and its language workers are bundled by
 * Vite (`?worker`), and @monaco-editor/react is handed this instance instead of loading its own.
 */
import { loader } from '@monaco-editor/react'
import * as monaco from 'monaco-editor'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import CssWorker from 'monaco-editor/languages/features/css/css.worker?worker'
import HtmlWorker from 'monaco-editor/languages/features/html/html.worker?worker'
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker'
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker'

const workers: Record<string, new () => Worker> = {
  json: JsonWorker,
  css: CssWorker,
  scss: CssWorker,
  less: CssWorker,
  html: HtmlWorker,
  handlebars: HtmlWorker,
  razor: HtmlWorker,
  typescript: TsWorker,
  javascript: TsWorker,
}

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
