import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { canTransition, type JobState } from '../../../shared/model'
import { formatSoak } from './testing/soak-report'
import { runSoak } from './testing/soak'

// Every call of transition() is recorded, so the pairs it was asked for can be checked too.
const calls = vi.hoisted(() => [] as [JobState, JobState][])
vi.mock('../../queue/transition', async (load) => {
  const real = await load<typeof import('../../queue/transition')>()
  return {
    ...real,
    transition: (job: { state: JobState }, to: JobState, ...rest: never[]) => {
      calls.push([job.state, to])
      return (real.transition as (...a: unknown[]) => unknown)(job, to, ...rest)
    },
  }
})

let dir: string
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('fault-injection soak (npm run soak does 1,000)', () => {
  it('200 publishes through 20% lost answers, outages and a busy person: 0 duplicates, 0 lost, every unknown found', async () => {
    dir = await mkdtemp(join(tmpdir(), 'upstream-soak-'))
    const r = await runSoak({ jobs: 200, dataDir: dir, seed: 42 })
    console.log(formatSoak(r))
    expect(r.problems).toEqual([])
    expect([r.duplicates, r.lost, r.illegalMoves, r.attentionUnexpected]).toEqual([0, 0, 0, 0])
    expect(r.attentionInjected).toBe(8)
    expect(r.done + r.cancelled).toBe(192)
    // Not vacuous: answers were lost, posts went unknown and were found, idempotent calls retried.
    expect(Object.values(r.faults).every((n) => n > 0)).toBe(true)
    expect(r.unknown).toBeGreaterThan(10)
    expect(r.unknownResolved).toBe(r.unknown)
    expect(r.retried).toBeGreaterThan(0)
    // The network dropped out (jobs waited for it) and a person paused, resumed and cancelled jobs.
    expect(r.waitedForNetwork).toBeGreaterThan(0)
    expect(r.personActions).toBeGreaterThan(0)
    // transition() was asked only for moves in the table, and what reached the disk agrees.
    expect(calls.length).toBeGreaterThan(400)
    expect(calls.filter(([a, b]) => !canTransition(a, b))).toEqual([])
    expect([...r.moves.keys()].every((m) => canTransition(...(m.split('→') as [JobState, JobState])))).toBe(true)
  }, 90_000)
})
