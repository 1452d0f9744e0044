#!/usr/bin/env node
// `npm run hostile`: the hostile-client suite (main/sandbox/hostile.test.ts) at full size: a 20 MB
// ping, 2,000 large pings, a 141 MB message, 600 held sockets and a header trickle, against the
// standalone sandbox and the app's Local sandbox child, memory and file handles measured.
import { spawnSync } from 'node:child_process'

const r = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', 'main/sandbox/hostile.test.ts', '--testTimeout', '600000'],
  { stdio: 'inherit', env: { ...process.env, UPSTREAM_HOSTILE_FULL: '1' } },
)
process.exit(r.status ?? 1)
