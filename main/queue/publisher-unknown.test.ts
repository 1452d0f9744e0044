import { describe, expect, it } from 'vitest'
import type { AppError } from '../../shared/errors'
import { LOOKUP_DELAYS_MS } from './policy'
import { publisherFixture } from './testing/publisher-fixture'
import { scripted } from './testing/scripted'

const lostAnswer: AppError = {
  kind: 'transport',
  message: 'The connection broke before the answer was complete.',
  details: { code: 'reset' },
}

describe('publisher: a newMessage whose answer was lost', () => {
  it('looks on the server; one match → done with the server msgnum, never sent again', async () => {
    const once = scripted(
      false,
      { post: [{ kind: 'unknown', error: lostAnswer }] },
      { post: [{ kind: 'found', result: { msgnum: '000007', url: 'http://dg/7' } }] },
    )
    const f = await publisherFixture({ idempotent: scripted(true, {}).performer, once: once.performer })
    await f.add('post', 'a', 'discuss.newMessage')
    await f.clock.idle()
    expect(f.job('post')).toMatchObject({ state: 'unknown', uncertain: { status: 'searching', lookups: 0 } })
    await f.clock.advance(LOOKUP_DELAYS_MS[0])
    expect(f.job('post')).toMatchObject({ state: 'done', result: { msgnum: '000007' } })
    expect(once.runs).toHaveLength(1)
  })

  it('not found: looks again later, then asks the person; retry is refused; "not posted" sends it again', async () => {
    const once = scripted(false, { post: [{ kind: 'unknown', error: lostAnswer }] }, {})
    const f = await publisherFixture({ idempotent: scripted(true, {}).performer, once: once.performer })
    await f.add('post', 'a', 'discuss.newMessage')
    await f.add('next', 'a') // same account: waits while Upstream searches, so order is kept
    await f.clock.idle()
    for (const [i, delay] of LOOKUP_DELAYS_MS.entries()) {
      expect(f.job('next').state).toBe('queued')
      await f.clock.advance(delay - 1)
      expect(once.lookups).toHaveLength(i)
      await f.clock.advance(1)
    }
    expect(once.lookups).toHaveLength(LOOKUP_DELAYS_MS.length)
    expect(f.job('post')).toMatchObject({
      state: 'unknown',
      uncertain: { status: 'ask-user', lookups: 3 },
      error: { kind: 'not-found' },
    })
    // Only the person can tell now: the line moves on, nothing is re-sent by itself.
    expect(f.job('next').state).toBe('done')
    await f.clock.advance(24 * 60 * 60_000)
    expect(once.runs).toHaveLength(1)
    await expect(f.publisher.act(f.job('post').id, 'retry')).rejects.toMatchObject({ error: { kind: 'conflict' } })
    await f.publisher.resolve(f.job('post').id, { posted: false })
    await f.clock.idle()
    expect(f.job('post')).toMatchObject({ state: 'done', attempts: 2 })
    expect(f.job('post').uncertain).toBeUndefined()
    expect(once.runs).toHaveLength(2)
  })

  it('several look-alikes: needs attention listing them; the person picks one', async () => {
    const several = {
      kind: 'several' as const,
      candidates: ['000003', '000004'],
      error: { kind: 'conflict' as const, message: 'Two like it.' },
    }
    const once = scripted(false, { post: [{ kind: 'unknown', error: lostAnswer }] }, { post: [several] })
    const f = await publisherFixture({ idempotent: scripted(true, {}).performer, once: once.performer })
    await f.add('post', 'a', 'discuss.newMessage')
    await f.clock.idle()
    await f.clock.advance(LOOKUP_DELAYS_MS[0])
    expect(f.job('post')).toMatchObject({
      state: 'needs-attention',
      uncertain: { status: 'ask-user', candidates: ['000003', '000004'] },
    })
    await expect(f.publisher.act(f.job('post').id, 'retry')).rejects.toMatchObject({ error: { kind: 'conflict' } })
    await f.publisher.resolve(f.job('post').id, { posted: true, msgnum: '000004' })
    expect(f.job('post')).toMatchObject({ state: 'done', result: { msgnum: '000004' } })
    expect(once.runs).toHaveLength(1)
  })

  it('a failed search is not a search: tried again with backoff, the count of looks unchanged', async () => {
    const failed = { kind: 'failed' as const, error: lostAnswer }
    const once = scripted(
      false,
      { post: [{ kind: 'unknown', error: lostAnswer }] },
      { post: [failed, failed, { kind: 'found', result: { msgnum: 9 } }] },
    )
    const f = await publisherFixture({ idempotent: scripted(true, {}).performer, once: once.performer })
    await f.add('post', 'a', 'discuss.newMessage')
    await f.clock.idle()
    await f.clock.advance(LOOKUP_DELAYS_MS[0])
    expect(f.job('post')).toMatchObject({
      state: 'unknown',
      failures: 1,
      uncertain: { lookups: 0, status: 'searching' },
    })
    await f.clock.advance(60_000)
    expect(f.job('post')).toMatchObject({ state: 'done', result: { msgnum: 9 } })
  })
})
