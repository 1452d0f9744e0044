// The queue's fault-injection proof at full size: publishes through the real publisher, performers
// and XML-RPC client against our fault server (20% of answers lost after the work was done).
// Usage: node scripts/run-ts.mjs scripts/queue-soak.ts [--jobs 1000] [--seed N] [--data DIR]
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { formatSoak } from '../main/app/queue/testing/soak-report'
import { runSoak } from '../main/app/queue/testing/soak'

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    data: { type: 'string' },
  },
})
const jobs = Number(values.jobs)
const seed = Number(values.seed)
if (!Number.isSafeInteger(jobs) || jobs < 1 || !Number.isSafeInteger(seed)) {
  console.error('--jobs and --seed must be whole numbers')
  process.exit(64)
}
const dataDir = values.data ?? (await mkdtemp(join(tmpdir(), 'upstream-queue-soak-')))
const report = await runSoak({ jobs, seed, dataDir, deadlineMs: 15 * 60_000 })
for (const p of report.problems.slice(0, 30)) console.log(`  ${p}`)
console.log(formatSoak(report))
const failed =
  report.duplicates > 0 || report.lost > 0 || report.problems.length > 0 || report.unknown !== report.unknownResolved
if (!failed && values.data === undefined) await rm(dataDir, { recursive: true, force: true })
process.exit(failed ? 1 : 0)
