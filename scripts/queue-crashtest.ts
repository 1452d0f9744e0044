// The queue's crash proof: a child runs the publish queue against our fault server and is killed
// with SIGKILL mid-drain, again and again, while this process keeps adding jobs; then one child
// drains it. Prints kills, lost, stuck-sending, duplicates — the last three must be 0.
// Usage: node scripts/run-ts.mjs scripts/queue-crashtest.ts [--kills 100] [--data DIR]
// The child is this same file with `--child DIR [--drain]`.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { formatCrash } from '../main/app/queue/testing/crash-check'
import { runQueueChild } from '../main/app/queue/testing/crash-child'
import { runQueueCrashtest } from '../main/app/queue/testing/crash-harness'

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '100' },
    data: { type: 'string' },
    child: { type: 'string' },
    drain: { type: 'boolean' },
  },
})

if (values.child !== undefined) {
  await runQueueChild(values.child, values.drain ? 'drain' : 'run')
} else {
  const kills = Number(values.kills)
  if (!Number.isSafeInteger(kills) || kills < 1) {
    console.error('--kills must be a positive whole number')
    process.exit(64)
  }
  const dataDir = values.data ?? (await mkdtemp(join(tmpdir(), 'upstream-queue-crash-')))
  const self = fileURLToPath(import.meta.url)
  const started = Date.now()
  const report = await runQueueCrashtest({
    kills,
    dataDir,
    spawnChild: (dir, mode) =>
      spawn(process.execPath, [self, '--child', dir, ...(mode === 'drain' ? ['--drain'] : [])], {
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    onRound: (round, problems) => {
      if (round % 25 === 0 && round < kills) console.log(`… round ${round}, problems so far ${problems}`)
    },
  })
  for (const p of report.problems.slice(0, 30)) console.log(`  ${p}`)
  console.log(`${formatCrash(report)}\n(${((Date.now() - started) / 1000).toFixed(1)}s; data ${dataDir})`)
  const failed = report.lost > 0 || report.stuckSending > 0 || report.duplicates > 0 || report.problems.length > 0
  if (!failed && values.data === undefined) await rm(dataDir, { recursive: true, force: true })
  process.exit(failed ? 1 : 0)
}
