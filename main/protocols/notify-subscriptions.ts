/**
 * pleaseNotify registrations and their expiry. A server forgets a registration after 25 hours, so
 * each is renewed every 24 (and all of them at start-up, since we can't know what a server kept
 * while we were away). State goes through an injected `save` so the caller picks the store.
 */
export interface Subscription {
  /** The community server's endpoint that was asked. */
  server: string
  /** The URL we want to hear about. */
  url: string
  /** When the last registration succeeded (ISO 8601); null before the first. */
  registeredAt: string | null
  /** registeredAt + 25 h: after that the server no longer calls back. */
  expiresAt: string | null
  /** Why the last attempt failed; cleared by the next success. */
  lastError?: string
}

export interface SubscriptionState {
  subscriptions: Subscription[]
}

export interface SubscriptionsOptions {
  initial?: SubscriptionState
  save: (state: SubscriptionState) => Promise<void>
  /** One pleaseNotify call to `server` for these URLs (rejects on any failure). */
  register: (server: string, urls: string[]) => Promise<void>
  now?: () => number
  renewAfterMs?: number
  expiryMs?: number
  /** How often the timer looks for due registrations (failed ones are retried then). */
  checkEveryMs?: number
}

export interface Subscriptions {
  /** Adds and registers at once; rejects when that registration fails (the subscription is kept and retried). */
  add(server: string, url: string): Promise<void>
  /** There is no unsubscribe call: the server forgets us when the registration expires. */
  remove(server: string, url: string): Promise<void>
  list(): Subscription[]
  isActive(server: string, url: string): boolean
  /** Registers every subscription that is new, failed, or older than renewAfterMs. */
  renewDue(): Promise<void>
  /** Registers all now, then checks every checkEveryMs until stop(). */
  start(): Promise<void>
  stop(): void
}

const HOUR = 3_600_000

export function createSubscriptions(o: SubscriptionsOptions): Subscriptions {
  const now = o.now ?? Date.now
  const renewAfter = o.renewAfterMs ?? 24 * HOUR
  const expiry = o.expiryMs ?? 25 * HOUR
  let subs: Subscription[] = (o.initial?.subscriptions ?? []).map((s) => ({ ...s }))
  let timer: ReturnType<typeof setInterval> | undefined
  // One operation at a time: a renewal and an add must not interleave their saves.
  let chain: Promise<unknown> = Promise.resolve()
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn)
    chain = next.catch(() => undefined)
    return next
  }
  const find = (server: string, url: string) => subs.find((s) => s.server === server && s.url === url)
  const save = () => o.save({ subscriptions: subs.map((s) => ({ ...s })) })

  /** Registers `due`, one call per server; returns the first failure, after saving. */
  async function registerAll(due: Subscription[]): Promise<unknown> {
    if (due.length === 0) return undefined
    let firstError: unknown
    for (const server of new Set(due.map((s) => s.server))) {
      const group = due.filter((s) => s.server === server)
      try {
        await o.register(
          server,
          group.map((s) => s.url),
        )
        const at = now()
        for (const s of group)
          Object.assign(s, {
            registeredAt: new Date(at).toISOString(),
            expiresAt: new Date(at + expiry).toISOString(),
            lastError: undefined,
          })
      } catch (e) {
        firstError ??= e
        for (const s of group) s.lastError = e instanceof Error ? e.message : String(e)
      }
    }
    await save()
    return firstError
  }

  const isDue = (s: Subscription) =>
    s.registeredAt === null || s.lastError !== undefined || now() - Date.parse(s.registeredAt) >= renewAfter

  return {
    add: (server, url) =>
      serial(async () => {
        let s = find(server, url)
        if (!s) subs.push((s = { server, url, registeredAt: null, expiresAt: null }))
        const failure = await registerAll([s])
        if (failure !== undefined) throw failure
      }),
    remove: (server, url) =>
      serial(async () => {
        subs = subs.filter((s) => !(s.server === server && s.url === url))
        await save()
      }),
    list: () => subs.map((s) => ({ ...s })),
    isActive: (server, url) => {
      const s = find(server, url)
      return s?.expiresAt != null && Date.parse(s.expiresAt) > now()
    },
    renewDue: () => serial(async () => void (await registerAll(subs.filter(isDue)))),
    start: async () => {
      await serial(async () => void (await registerAll([...subs])))
      timer ??= setInterval(
        () => void serial(async () => void (await registerAll(subs.filter(isDue)))).catch(() => undefined),
        o.checkEveryMs ?? HOUR,
      )
      timer.unref?.()
    },
    stop: () => {
      if (timer) clearInterval(timer)
      timer = undefined
    },
  }
}
