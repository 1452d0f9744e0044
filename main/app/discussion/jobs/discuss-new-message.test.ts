import { describe, expect, it } from 'vitest'
import { LOOKUP_DELAYS_MS } from '../../../queue/policy'
import { NEW, sandboxQueue, user } from '../../testing/sandbox-queue'

describe('newMessage at most once, against the sandbox', () => {
  it('answer lost after the server posted it: found on the server, done with its msgnum, posted once', async () => {
    const t = await sandboxQueue([{ method: NEW, when: 'after' }])
    const job = await t.post('Hello', 'First words.\nSecond line.')
    expect(job()).toMatchObject({ state: 'unknown', uncertain: { status: 'searching' } })
    await t.clock.advance(LOOKUP_DELAYS_MS[0])
    const posted = await t.topics()
    expect(posted).toHaveLength(1)
    expect(job()).toMatchObject({ state: 'done', attempts: 1, result: { msgnum: posted[0].msgnum } })
    expect(typeof job().result!.msgnum).toBe('string') // opaque: kept exactly as the server sent it
    expect(t.world.records.get('d-Hello')).toMatchObject([{ msgnum: posted[0].msgnum, jobId: job().id }])
  })

  it('answer lost and nothing on the server: asks the person; "not posted" sends it once more', async () => {
    const t = await sandboxQueue([{ method: NEW, when: 'before' }])
    const job = await t.post('Hello', 'Words.')
    for (const delay of LOOKUP_DELAYS_MS) await t.clock.advance(delay)
    expect(job()).toMatchObject({
      state: 'unknown',
      uncertain: { status: 'ask-user', lookups: 3 },
      error: { kind: 'not-found' },
    })
    await t.clock.advance(24 * 60 * 60_000)
    expect(await t.topics()).toHaveLength(0)
    await t.publisher.resolve(job().id, { posted: false })
    await t.clock.idle()
    expect(job()).toMatchObject({ state: 'done', attempts: 2 })
    expect(await t.topics()).toHaveLength(1)
  })

  it("a post another job already owns is never taken for this one (that would lose this one's words)", async () => {
    const t = await sandboxQueue([
      { method: NEW, when: 'pass' },
      { method: NEW, when: 'before' },
    ])
    const first = await t.post('Same', 'Same words.')
    const lost = await t.post('Same', 'Same words.')
    for (const delay of LOOKUP_DELAYS_MS) await t.clock.advance(delay)
    expect(first()).toMatchObject({ state: 'done' })
    // The only look-alike on the server is the first job's own post, made after this attempt's window opened.
    expect(await t.topics()).toHaveLength(1)
    expect(lost()).toMatchObject({ state: 'unknown', uncertain: { status: 'ask-user', lookups: 3 } })
  })

  it('several look-alikes created since it was sent: the person is asked which, by msgnum', async () => {
    const t = await sandboxQueue([{ method: NEW, when: 'before' }])
    for (let i = 0; i < 2; i++) await t.sandbox.call(NEW, 'sandbox', user.email, user.password, 'Twice', 'Same.', 0)
    const job = await t.post('Twice', 'Same.')
    await t.clock.advance(LOOKUP_DELAYS_MS[0])
    const msgnums = (await t.topics()).map((m) => m.msgnum).sort()
    expect(job()).toMatchObject({ state: 'needs-attention', error: { kind: 'conflict' } })
    expect([...job().uncertain!.candidates!].sort()).toEqual(msgnums)
    await t.publisher.resolve(job().id, { posted: true, msgnum: msgnums[1] })
    expect(job()).toMatchObject({ state: 'done', result: { msgnum: msgnums[1] } })
    expect(await t.topics()).toHaveLength(2)
  })
})
