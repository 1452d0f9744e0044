import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
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

/**
 * The editor chunk (Monaco, most of the app's bytes) is lazy so the shell paints first; a
 * modulepreload link lets the browser fetch and compile it in parallel with the shell's own code
 * instead of after it, so the editor is ready when a draft opens.
 */
function preloadEditor(): Plugin {
  return {
    name: 'upstream:preload-editor',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.isDynamicEntry && c.name === 'body-editor',
        )
        if (!chunk) throw new Error('preload-editor: no body-editor chunk in the bundle')
        return [{ tag: 'link', attrs: { rel: 'modulepreload', href: `./${chunk.fileName}` }, injectTo: 'head' }]
      },
    },
  }
}

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs work under Electron's app://upstream/ scheme and the browser host at /.
  base: './',
  esbuild: { jsx: 'automatic' },
  plugins: [stripMonacoCdn(), preloadEditor()],
  resolve: {
    // monaco-editor's exports map every path to `*.js`, so its CSS files need a way in.
    alias: [
      {
        find: /^monaco-editor-css\/(.*)$/,
        replacement: `${fileURLToPath(new URL('node_modules/monaco-editor/esm/vs/', import.meta.url))}$1`,
      },
    ],
  },
  // Monaco's language workers use dynamic imports; only ES workers can code-split.
  worker: { format: 'es' },
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    // Source maps stay out of what a user downloads (the installer, the served app); a developer
    // who wants them builds with UPSTREAM_SOURCEMAPS=1.
    sourcemap: Boolean(process.env.UPSTREAM_SOURCEMAPS),
    // Monaco and its TypeScript worker are several MB by nature and load from local disk, never
    // the network; warn only for something far beyond that.
    chunkSizeWarningLimit: 8_000,
  },
})
