// The crash proof: a child saves drafts in a loop through the real DraftStore and is killed with
// SIGKILL at random moments; after every kill each draft must read back as the last version the
// child confirmed, or a newer one, whole. Usage: node scripts/run-ts.mjs scripts/crashtest.ts
// [--kills 500] [--data DIR]. The child is this same file with `--child DIR`.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { runCrashChild } from '../main/store/testing/crash-child'
import { formatReport, runCrashtest } from '../main/store/testing/crash-harness'

const { values } = parseArgs({
  options: { kills: { type: 'string', default: '500' }, data: { type: 'string' }, child: { type: 'string' } },
})

if (values.child !== undefined) {
  await runCrashChild(values.child)
} else {
  const kills = Number(values.kills)
  if (!Number.isSafeInteger(kills) || kills < 1) {
    console.error('--kills must be a positive whole number')
    process.exit(64)
  }
  const dataDir = values.data ?? (await mkdtemp(join(tmpdir(), 'upstream-crashtest-')))
  const self = fileURLToPath(import.meta.url)
  const started = Date.now()
  const report = await runCrashtest({
    kills,
    dataDir,
    spawnChild: (dir) => spawn(process.execPath, [self, '--child', dir], { stdio: ['ignore', 'pipe', 'inherit'] }),
    onRound: (round, r) => {
      if (round % 50 === 0 && round < kills) console.log(`… ${formatReport(r)}`)
    },
  })
  for (const p of report.problems.slice(0, 20)) console.log(`  ${p}`)
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(
    `confirmed-saves=${report.confirmed} newer-than-confirmed=${report.newerThanConfirmed} killed-mid-write=${report.killedMidWrite} ` +
      `(SIGKILL 5–60 ms after the child started saving; ${seconds}s; data ${dataDir})`,
  )
  console.log(formatReport(report))
  const failed = report.corrupt > 0 || report.lostConfirmed > 0
  // Keep the evidence when something failed; tidy up our own temp folder otherwise.
  if (!failed && values.data === undefined) await rm(dataDir, { recursive: true, force: true })
  process.exit(failed ? 1 : 0)
}
