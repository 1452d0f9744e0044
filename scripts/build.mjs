#!/usr/bin/env node
// Builds every face: the renderer (Vite), the Node entry points (CLI, host, sandbox, core) as ESM,
// and the Electron main process and its preload as CommonJS (a sandboxed preload must be CJS).
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { buildFingerprint } from './build-fingerprint.mjs'

const quiet = process.argv.includes('--quiet')

// `prepare` runs on every install, and `npx upstream` in this folder installs the project into npm's
// npx cache (running `prepare`) on each call: with --if-needed an up-to-date build is kept. The stamp
// holds the inputs' fingerprint taken before building, so an edit made during a build rebuilds next time.
const stamp = 'out/.build-stamp'
const outputs = ['out/node/cli.mjs', 'out/electron/main.cjs', 'out/electron/preload.cjs', 'out/renderer/index.html']
const fingerprint = buildFingerprint()
if (
  process.argv.includes('--if-needed') &&
  outputs.every((o) => existsSync(o)) &&
  existsSync(stamp) &&
  readFileSync(stamp, 'utf8').trim() === fingerprint
) {
  if (!quiet) console.log('build: out/ is up to date')
  process.exit(0)
}
rmSync(stamp, { force: true })
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' }

rmSync('out/node', { recursive: true, force: true })
rmSync('out/electron', { recursive: true, force: true })

await build({
  ...common,
  entryPoints: {
    cli: 'main/cli/bin.ts',
    core: 'main/app/index.ts',
    host: 'main/host/index.ts',
    sandbox: 'main/sandbox/index.ts',
    // The Local sandbox's own process, forked by the core (main/app/local-sandbox/launcher.ts).
    'sandbox-child': 'main/app/local-sandbox/sandbox-child.ts',
  },
  outdir: 'out/node',
  outExtension: { '.js': '.mjs' },
  format: 'esm',
  splitting: true,
  // Dependencies load from node_modules, as they do for the installed CLI; this also lets the
  // electron-boundary test see every module the Node faces really load.
  packages: 'external',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
})
chmodSync('out/node/cli.mjs', 0o755)

await build({
  ...common,
  // sandbox-child runs in Electron's utilityProcess (main/electron/sandbox-utility.ts).
  entryPoints: { main: 'main/electron/main.ts', 'sandbox-child': 'main/app/local-sandbox/sandbox-child.ts' },
  outdir: 'out/electron',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  external: ['electron'],
  packages: 'external',
  // The core finds its siblings through import.meta.url, which CommonJS lacks: give it this file's.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
})
await build({
  ...common,
  entryPoints: { preload: 'main/electron/preload.ts' },
  outdir: 'out/electron',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  external: ['electron'],
})

const vite = spawnSync(
  process.execPath,
  ['node_modules/vite/bin/vite.js', 'build', ...(quiet ? ['--logLevel', 'warn'] : [])],
  { stdio: 'inherit' },
)
if (vite.status !== 0) process.exit(vite.status ?? 1)
writeFileSync(stamp, fingerprint + '\n')
