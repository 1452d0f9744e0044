#!/usr/bin/env node
// `npm run twoprocess`: the two-process suite (main/app/core/two-process.test.ts) at full size:
// six writer processes on one data folder, and two `upstream serve` with the CLI, more accounts.
import { spawnSync } from 'node:child_process'

const node = process.execPath
if (spawnSync(node, ['scripts/build.mjs', '--if-needed', '--quiet'], { stdio: 'inherit' }).status !== 0) process.exit(1)
const r = spawnSync(node, ['node_modules/vitest/vitest.mjs', 'run', 'main/app/core/two-process.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, UPSTREAM_TWO_PROCESS: 'full' },
})
process.exit(r.status ?? 1)
