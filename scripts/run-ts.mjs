#!/usr/bin/env node
// Runs a TypeScript program under plain Node: bundles it with esbuild (dependencies left external,
// so they load from node_modules as they would in the app) into out/scripts/, then executes it.
// Usage: node scripts/run-ts.mjs scripts/bench/xmlrpc.ts [args…]
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { basename } from 'node:path'

const [entry, ...args] = process.argv.slice(2)
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs FILE.ts [ARGS…]')
  process.exit(64)
}
const outfile = `out/scripts/${basename(entry).replace(/\.ts$/, '')}.mjs`
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
})
const r = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...args], { stdio: 'inherit' })
process.exit(r.status ?? 1)
