import { describe, expect, it, vi } from 'vitest'
import { createSubscriptions, type SubscriptionState } from './notify-subscriptions'

const HOUR = 3_600_000
const T0 = Date.parse('2024-05-01T00:00:00Z')

function setup(initial?: SubscriptionState) {
  let clock = T0
  const saved: SubscriptionState[] = []
  const registered: [string, string[]][] = []
  let failNext = false
  const subs = createSubscriptions({
    initial,
    now: () => clock,
    save: async (s) => void saved.push(s),
    register: async (server, urls) => {
      if (failNext) {
        failNext = false
        throw new Error('server down')
      }
      registered.push([server, urls])
    },
  })
  return { subs, saved, registered, advance: (ms: number) => (clock += ms), failOnce: () => (failNext = true) }
}

describe('notify subscriptions', () => {
  it('registers on add with a 25 h expiry, and persists it', async () => {
    const { subs, saved, registered } = setup()
    await subs.add('http://rcs/RPC2', 'http://rcs/a.xml')
    expect(registered).toEqual([['http://rcs/RPC2', ['http://rcs/a.xml']]])
    expect(subs.list()[0]).toMatchObject({
      registeredAt: new Date(T0).toISOString(),
      expiresAt: new Date(T0 + 25 * HOUR).toISOString(),
    })
    expect(saved.at(-1)!.subscriptions).toHaveLength(1)
    expect(subs.isActive('http://rcs/RPC2', 'http://rcs/a.xml')).toBe(true)
  })

  it('renews after 24 h, not before, one call per server', async () => {
    const { subs, registered, advance } = setup()
    await subs.add('http://one/RPC2', 'http://one/a')
    await subs.add('http://one/RPC2', 'http://one/b')
    await subs.add('http://two/RPC2', 'http://two/a')
    registered.length = 0
    advance(23 * HOUR)
    await subs.renewDue()
    expect(registered).toEqual([])
    advance(HOUR)
    await subs.renewDue()
    expect(registered).toEqual([
      ['http://one/RPC2', ['http://one/a', 'http://one/b']],
      ['http://two/RPC2', ['http://two/a']],
    ])
  })

  it('re-registers everything at start, even what is still fresh', async () => {
    const first = setup()
    await first.subs.add('http://rcs/RPC2', 'http://rcs/a')
    const { subs, registered } = setup(first.saved.at(-1))
    await subs.start()
    subs.stop()
    expect(registered).toEqual([['http://rcs/RPC2', ['http://rcs/a']]])
  })

  it('keeps a failed registration, reports it, and retries it at the next check', async () => {
    const { subs, registered, failOnce, advance } = setup()
    failOnce()
    await expect(subs.add('http://rcs/RPC2', 'http://rcs/a')).rejects.toThrow('server down')
    expect(subs.list()[0]).toMatchObject({ registeredAt: null, lastError: 'server down' })
    expect(subs.isActive('http://rcs/RPC2', 'http://rcs/a')).toBe(false)
    advance(HOUR)
    await subs.renewDue()
    expect(registered).toHaveLength(1)
    expect(subs.list()[0].lastError).toBeUndefined()
  })

  it('lapses after 25 h without renewal, and forgets on remove', async () => {
    const { subs, saved, advance } = setup()
    await subs.add('http://rcs/RPC2', 'http://rcs/a')
    advance(25 * HOUR)
    expect(subs.isActive('http://rcs/RPC2', 'http://rcs/a')).toBe(false)
    await subs.remove('http://rcs/RPC2', 'http://rcs/a')
    expect(subs.list()).toEqual([])
    expect(saved.at(-1)).toEqual({ subscriptions: [] })
  })

  it('checks on a timer after start', async () => {
    vi.useFakeTimers()
    try {
      const { subs, registered, advance } = setup()
      await subs.add('http://rcs/RPC2', 'http://rcs/a')
      await subs.start()
      expect(registered).toHaveLength(2)
      advance(24 * HOUR)
      await vi.advanceTimersByTimeAsync(HOUR)
      expect(registered).toHaveLength(3)
      subs.stop()
    } finally {
      vi.useRealTimers()
    }
  })
})
