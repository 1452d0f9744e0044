import { defineConfig, type Plugin } from 'vite'

/**
 * @monaco-editor/loader ships a CDN path as its default config. We always hand it the bundled
 * monaco (`loader.config({ monaco })`), so that path is dead code; blank it so the build carries no
 * CDN URL at all and a grep of out/renderer proves it.
 */
function stripMonacoCdn(): Plugin {
  return {
    name: 'upstream:strip-monaco-cdn',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('@monaco-editor/loader') || !code.includes('cdn.jsdelivr')) return null
      return { code: code.replace(/https:\/\/cdn\.jsdelivr\.net\/[^'"`]*/g, ''), map: null }
    },
  }
}

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs work under Electron's app://upstream/ scheme and the browser host at /.
  base: './',
  esbuild: { jsx: 'automatic' },
  plugins: [stripMonacoCdn()],
  // Monaco's language workers use dynamic imports; only ES workers can code-split.
  worker: { format: 'es', plugins: () => [stripMonacoCdn()] },
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // Monaco and its TypeScript worker are several MB by nature and load from local disk, never
    // the network; warn only for something far beyond that.
    chunkSizeWarningLimit: 8_000,
  },
})
