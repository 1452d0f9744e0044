#!/usr/bin/env node
// `npm run bench`: every benchmark in scripts/bench/, each printing its figures, ratios against a
// peer measured in the same run, and PASS/FAIL per target. Exits non-zero if any target is missed.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'

const only = process.argv.slice(2)
const benches = readdirSync('scripts/bench').filter(
  (f) => f.endsWith('.ts') && (only.length === 0 || only.some((o) => f.includes(o))),
)
let failed = 0
for (const file of benches) {
  console.log(`\n═══ ${file} ═══`)
  const r = spawnSync(process.execPath, ['scripts/run-ts.mjs', `scripts/bench/${file}`], { stdio: 'inherit' })
  if (r.status !== 0) failed++
}
console.log(failed ? `\nbench: ${failed} benchmark(s) missed a target` : '\nbench: every target met')
process.exit(failed ? 1 : 0)
