import { readFile } from 'node:fs/promises'
import { defineConfig, type Plugin } from 'vite'

/**
 * @monaco-editor/loader ships a CDN path as its default config. We always hand it the bundled
 * monaco (`loader.config({ monaco })`), so that path is dead code; blank it so the build carries no
 * CDN URL at all and a grep of out/renderer proves it. Done at load time, so the source maps'
 * embedded sources don't carry it either.
 */
function stripMonacoCdn(): Plugin {
  return {
    name: 'upstream:strip-monaco-cdn',
    enforce: 'pre',
    async load(id) {
      if (!/@monaco-editor[\\/]loader[\\/].*config[\\/]index\.js$/.test(id)) return null
      const code = await readFile(id, 'utf8')
      return code.replace(/https:\/\/cdn\.jsdelivr\.net\/[^'"`]*/g, '')
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
  worker: { format: 'es' },
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
