import { describe, expect, it } from 'vitest'
import type { AppError } from '../../shared/errors'
import type { Outcome } from './outcome'
import { MAX_FAILURES, NETWORK_RECHECK_MS } from './policy'
import { publisherFixture } from './testing/publisher-fixture'
import { scripted } from './testing/scripted'

const reset: AppError = { kind: 'transport', message: 'The connection broke.', details: { code: 'reset' } }
const retry = (retryAfterMs?: number): Outcome =>
  retryAfterMs === undefined ? { kind: 'retry', error: reset } : { kind: 'retry', error: reset, retryAfterMs }
const wait = (iso: string | undefined, from: Date) => Date.parse(iso!) - from.getTime()

describe('publisher: retries, offline, attention', () => {
  it('retries with exponential backoff (full jitter at its ceiling here), honouring Retry-After', async () => {
    const s = scripted(true, { p: [retry(), retry(), retry(90_000), retry(1)] })
    const f = await publisherFixture({ idempotent: s.performer })
    await f.add('p')
    await f.clock.idle()
    const waits: number[] = []
    for (let i = 0; i < 4; i++) {
      const j = f.job('p')
      expect(j.state).toBe('waiting-retry')
      expect(j.failures).toBe(i + 1)
      const w = wait(j.nextAttemptAt, f.clock.now())
      waits.push(w)
      await f.clock.advance(w - 1)
      expect(f.job('p').attempts).toBe(i + 1) // not a millisecond early
      await f.clock.advance(1)
    }
    // 2 s · 2^(n−1); the third answer said Retry-After 90 s, which beats the 8 s backoff.
    expect(waits).toEqual([2_000, 4_000, 90_000, 16_000])
    expect(f.job('p')).toMatchObject({ state: 'done', attempts: 5, failures: 0 })
    expect(f.job('p').error).toBeUndefined()
  })

  it(`gives up after ${MAX_FAILURES} failures in a row and asks, with the server's words`, async () => {
    const s = scripted(true, { p: Array.from({ length: MAX_FAILURES }, () => retry()) })
    const f = await publisherFixture({ idempotent: s.performer })
    await f.add('p')
    await f.clock.idle()
    await f.clock.advance(24 * 60 * 60_000)
    const j = f.job('p')
    expect(j).toMatchObject({ state: 'needs-attention', attempts: MAX_FAILURES })
    expect(j.error?.message).toBe(`Upstream tried ${MAX_FAILURES} times in a row and stopped: The connection broke.`)
  })

  it('auth and permanent faults go to needs-attention at once; retry sends again', async () => {
    const auth: AppError = { kind: 'auth', message: 'The server refused the login: “bad password”.' }
    const s = scripted(true, { p: [{ kind: 'attention', error: auth }] })
    const f = await publisherFixture({ idempotent: s.performer })
    await f.add('p')
    await f.clock.idle()
    await f.clock.advance(60 * 60_000)
    expect(f.job('p')).toMatchObject({ state: 'needs-attention', attempts: 1, error: auth })
    expect(f.job('p').nextAttemptAt).toBeUndefined()
    await f.publisher.act(f.job('p').id, 'retry')
    await f.clock.idle()
    expect(f.job('p')).toMatchObject({ state: 'done', attempts: 2 })
  })

  it('offline: waits for the network (probing, not attempting), then sends without a burnt attempt', async () => {
    let online = false
    let probes = 0
    const dns: AppError = { kind: 'transport', message: 'Could not find the server.', details: { code: 'dns' } }
    const s = scripted(true, { p: [{ kind: 'offline', error: dns }] })
    const f = await publisherFixture({ idempotent: s.performer }, { probe: async () => (probes++, online) })
    await f.add('p')
    await f.clock.idle()
    expect(f.job('p')).toMatchObject({ state: 'waiting-network', attempts: 1 })
    await f.clock.advance(NETWORK_RECHECK_MS * 10)
    expect(probes).toBe(10)
    expect(f.job('p')).toMatchObject({ state: 'waiting-network', attempts: 1 })
    expect(f.job('p').failures ?? 0).toBe(0)
    online = true
    await f.clock.advance(NETWORK_RECHECK_MS)
    expect(f.job('p')).toMatchObject({ state: 'done', attempts: 2, failures: 0 })
    expect(f.job('p').history.map((h) => h.state)).toEqual(['queued', 'sending', 'waiting-network', 'sending', 'done'])
  })
})
