import { describe, expect, it, vi } from 'vitest'
import type { Outcome } from './outcome'
import { gate, publisherFixture } from './testing/publisher-fixture'
import { scripted } from './testing/scripted'

const done: Outcome = { kind: 'done', result: { url: 'http://x.test/' } }

describe('publisher: order and progress', () => {
  it('runs one job per account at a time, in queue order, accounts side by side', async () => {
    const a1 = gate<Outcome>()
    const s = scripted(true, { a1: [() => a1.promise] })
    const f = await publisherFixture({ idempotent: s.performer }, { concurrency: 2 })
    for (const [label, account] of [
      ['a1', 'a'],
      ['a2', 'a'],
      ['b1', 'b'],
      ['a3', 'a'],
      ['b2', 'b'],
    ])
      await f.add(label, account)
    // a1 is still being sent: the rest of account a waits behind it, account b goes on.
    await vi.waitFor(() =>
      expect(f.states()).toMatchObject({ a1: 'sending', a2: 'queued', a3: 'queued', b1: 'done', b2: 'done' }),
    )
    expect(s.runs.map((r) => r.label)).toEqual(['a1', 'b1', 'b2'])
    a1.open(done)
    await f.clock.idle()
    expect(s.runs.map((r) => r.label)).toEqual(['a1', 'b1', 'b2', 'a2', 'a3'])
    expect(Object.values(f.states())).toEqual(['done', 'done', 'done', 'done', 'done'])
  })

  it('a failed job holds its account line until it is done; other accounts are not held up', async () => {
    const s = scripted(true, { a1: [{ kind: 'retry', error: { kind: 'transport', message: 'reset' } }] })
    const f = await publisherFixture({ idempotent: s.performer })
    await f.add('a1', 'a')
    await f.add('a2', 'a')
    await f.add('b1', 'b')
    await f.clock.idle()
    expect(f.states()).toMatchObject({ a1: 'waiting-retry', a2: 'queued', b1: 'done' })
    await f.clock.advance(2_000)
    expect(s.runs.map((r) => r.label)).toEqual(['a1', 'b1', 'a1', 'a2'])
  })

  it('reports bytes sent as queue.job events, without writing them to disk each time', async () => {
    const s = scripted(true, {
      big: [
        async (a) => {
          a.progress(0, 300)
          a.progress(150, 300)
          a.progress(300, 300)
          return done
        },
      ],
    })
    const f = await publisherFixture({ idempotent: s.performer })
    await f.add('big')
    await f.clock.idle()
    const progress = f.events.filter((e) => e.progress).map((e) => [e.state, e.progress!.sent, e.progress!.total])
    // Throttled: the first and the last (complete) always go out.
    expect(progress[0]).toEqual(['sending', 0, 300])
    expect(progress.at(-1)).toEqual(['sending', 300, 300])
    expect(f.job('big').progress).toBeUndefined()
  })
})
