#!/usr/bin/env node
// `npm run test:fast`: the Vitest suites of vitest.fast.config.ts (no build, no e2e, no crash, soak,
// WordPress, Python-server or multi-process proofs), then how long it took. `npm test` is the full proof.
import { spawnSync } from 'node:child_process'

const started = Date.now()
const status = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.fast.config.ts', ...process.argv.slice(2)],
  { stdio: 'inherit' },
).status
console.log(`test:fast: ${((Date.now() - started) / 1000).toFixed(1)} s`)
process.exit(status ?? 1)
