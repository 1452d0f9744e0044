import { describe, expect, it, vi } from 'vitest'
import type { AppError } from '../../shared/errors'
import type { Outcome } from './outcome'
import { QueueError } from './queue-error'
import { gate, publisherFixture } from './testing/publisher-fixture'
import { scripted } from './testing/scripted'
import { transition } from './transition'

const reset: AppError = { kind: 'transport', message: 'reset', details: { code: 'reset' } }

describe('publisher: pause, resume, cancel, retry now', () => {
  it('pauses and resumes waiting jobs (one, or the whole queue); retry now skips the backoff', async () => {
    const again: Outcome = { kind: 'retry', error: reset }
    const s = scripted(true, { p: [again], q: [again], r: [again], t: [again] })
    const f = await publisherFixture({ idempotent: s.performer })
    await f.add('p', 'a')
    await f.add('q', 'b')
    await f.clock.idle()
    await f.publisher.act(f.job('p').id, 'pause')
    await f.clock.advance(60 * 60_000)
    expect(f.states()).toEqual({ p: 'paused', q: 'done' })
    await f.publisher.actAll('resume')
    await f.clock.idle()
    expect(f.job('p').state).toBe('done')

    await f.add('r', 'c')
    await f.add('t', 'd')
    await f.clock.idle()
    await f.publisher.actAll('pause')
    await f.clock.idle()
    expect(f.states()).toMatchObject({ r: 'paused', t: 'paused' })
    await f.publisher.act(f.job('r').id, 'retry')
    await f.clock.idle()
    expect(f.states()).toMatchObject({ r: 'done', t: 'paused' })
  })

  it('cancels a waiting job for good; refuses actions that make no sense, saying why', async () => {
    const s = scripted(true, { p: [{ kind: 'retry', error: reset }] })
    const f = await publisherFixture({ idempotent: s.performer })
    await f.add('p')
    await f.clock.idle()
    await f.publisher.act(f.job('p').id, 'cancel')
    await f.clock.advance(60 * 60_000)
    expect(f.job('p').state).toBe('cancelled')
    expect(s.runs).toHaveLength(1)
    await expect(f.publisher.act(f.job('p').id, 'retry')).rejects.toMatchObject({
      error: { kind: 'invalid-input', message: 'Cannot retry “p”: it is cancelled.' },
    })
    await expect(f.publisher.act('nope', 'pause')).rejects.toBeInstanceOf(QueueError)
  })

  it('pausing an idempotent upload mid-send aborts it and parks it; resume sends it again', async () => {
    const s = scripted(true, {
      up: [
        (a) =>
          new Promise<Outcome>((resolve) =>
            a.signal.addEventListener('abort', () =>
              resolve({ kind: 'attention', error: { kind: 'cancelled', message: 'The call was cancelled.' } }),
            ),
          ),
      ],
    })
    const f = await publisherFixture({ idempotent: s.performer })
    await f.add('up')
    await vi.waitFor(() => expect(f.job('up').state).toBe('sending'))
    await f.publisher.act(f.job('up').id, 'pause')
    await f.clock.idle()
    expect(f.job('up').state).toBe('paused')
    await f.publisher.act(f.job('up').id, 'resume')
    await f.clock.idle()
    expect(f.job('up')).toMatchObject({ state: 'done', attempts: 2 })
  })

  it('cancelling a newMessage mid-send never cuts it off: if it went out, the job says done', async () => {
    const g = gate<Outcome>()
    let signal: AbortSignal | undefined
    const once = scripted(false, { post: [(a) => ((signal = a.signal), g.promise)] })
    const f = await publisherFixture({ idempotent: scripted(true, {}).performer, once: once.performer })
    await f.add('post', 'a', 'discuss.newMessage')
    await vi.waitFor(() => expect(f.job('post').dispatchedAt).toBeDefined())
    expect((await f.publisher.act(f.job('post').id, 'cancel')).state).toBe('sending')
    expect(signal?.aborted).toBe(false)
    g.open({ kind: 'done', result: { msgnum: '000042' } })
    await f.clock.idle()
    expect(f.job('post')).toMatchObject({ state: 'done', result: { msgnum: '000042' } })
  })

  it('a process without the lock may queue jobs but not run or change them', async () => {
    const s = scripted(true, {})
    const f = await publisherFixture({ idempotent: s.performer }, { start: false })
    await f.add('p')
    await f.clock.advance(60_000)
    expect(f.job('p').state).toBe('queued')
    expect(s.runs).toHaveLength(0)
    await expect(f.publisher.act(f.job('p').id, 'cancel')).rejects.toMatchObject({ error: { kind: 'locked' } })
  })

  it('after a crash: idempotent sends go again; a newMessage goes again only if it never left', async () => {
    const once = scripted(false, {})
    const f = await publisherFixture(
      { idempotent: scripted(true, {}).performer, once: once.performer },
      { start: false },
    )
    const now = f.clock.now()
    for (const [label, action, dispatched] of [
      ['page', 'webhost.put', false],
      ['post-a', 'discuss.newMessage', false],
      ['post-b', 'discuss.newMessage', true],
    ] as const) {
      const j = await f.add(label, label, action)
      const sending = transition(j, 'sending', now, undefined, {
        attemptStartedAt: now.toISOString(),
        attempts: 1,
        ...(dispatched ? { dispatchedAt: now.toISOString() } : {}),
      })
      await f.store.put(sending) // what a killed process leaves on disk
    }
    await f.publisher.start()
    await f.clock.idle()
    expect(f.states()).toMatchObject({ page: 'done', 'post-a': 'done', 'post-b': 'unknown' })
    expect(once.runs.map((r) => r.label)).toEqual(['post-a'])
    expect(f.job('post-b').uncertain).toMatchObject({ status: 'searching', since: now.toISOString() })
  })
})
