import { describe, expect, it } from 'vitest'
import { canTransition, jobTransitions, type Job, type JobState } from '../../shared/model'
import { newJob } from './new-job'
import { stateWrites, strayStateWrites } from './testing/state-writes'
import { amend, IllegalTransition, transition } from './transition'

const states = Object.keys(jobTransitions) as JobState[]
const at = new Date('2026-01-01T00:00:00Z')
const inState = (state: JobState): Job => ({
  ...newJob({ action: 'webhost.put', draftId: 'd', accountId: 'a', label: 'x' }, at),
  state,
})

describe('the job state table', () => {
  it('transition() allows exactly the moves in the table, and records each in the history', () => {
    for (const from of states) {
      for (const to of states) {
        const job = inState(from)
        if (canTransition(from, to)) {
          const next = transition(job, to, at, 'why')
          expect(next.state).toBe(to)
          expect(next.history.at(-1)).toEqual({ state: to, at: at.toISOString(), note: 'why' })
          expect(next.history).toHaveLength(job.history.length + 1)
        } else {
          expect(() => transition(job, to, at)).toThrow(IllegalTransition)
        }
      }
    }
  })

  it('a patch cannot smuggle in a state or rewrite history; amend() never moves', () => {
    const job = inState('queued')
    const sneaky = { state: 'done', history: [] } as unknown as Parameters<typeof transition>[4]
    expect(transition(job, 'sending', at, undefined, sneaky)).toMatchObject({
      state: 'sending',
      history: [{ state: 'queued' }, { state: 'sending' }],
    })
    expect(amend(job, at, sneaky as never)).toMatchObject({ state: 'queued', history: job.history })
  })

  it('is closed and sane: done and cancelled are final, every state is reachable and can end', () => {
    expect(jobTransitions.done).toEqual([])
    expect(jobTransitions.cancelled).toEqual([])
    const reach = (from: JobState, seen = new Set<JobState>()): Set<JobState> => {
      if (!seen.has(from)) (seen.add(from), jobTransitions[from].forEach((s) => reach(s, seen)))
      return seen
    }
    expect([...reach('queued')].sort()).toEqual([...states].sort())
    for (const s of states) expect(reach(s).has('done') || reach(s).has('cancelled')).toBe(true)
    for (const s of states) for (const t of jobTransitions[s]) expect(states).toContain(t)
  })
})

describe('no code path sets a state the table does not allow', () => {
  it('the checker sees every way of writing a state (so the next test can fail)', () => {
    const text = [
      "const a = { ...job, state: 'done' }",
      'const b = { state, history }',
      "job.state = 'sent'",
      "job['state'] = x",
      "const j: Job = { id, attempts: 0, state: 'done' }",
      'let state: JobState',
      'interface X { state: JobState }',
      "const paths = { state: join(root, 'sync-state.json') }",
      "fail('x', { jobId, state: job.state })",
    ].join('\n')
    expect(stateWrites('x.ts', text)).toEqual(['x.ts:1', 'x.ts:2', 'x.ts:3', 'x.ts:4', 'x.ts:5'])
  })

  it('nothing under main/ or shared/ writes a state outside transition.ts and job creation', () => {
    expect(strayStateWrites(process.cwd())).toEqual([])
  })
})
