import { join } from 'node:path'
import { createXmlRpcClient } from '../xmlrpc/client'
import { describe } from './params'
import { JsonState } from './state-file'

/** Registrations last this long; clients re-register every 24 hours (docs/protocols.md §4.2). */
export const SUBSCRIPTION_LIFETIME_MS = 25 * 60 * 60 * 1000
/** A subscriber that fails this many callbacks in a row is dropped, as rssCloud servers do. */
const MAX_CONSECUTIVE_ERRORS = 5
const CALLBACK_TIMEOUT_MS = 10_000
/** Callbacks in flight at once: a change to many watched URLs must not open a connection each at once. */
export const MAX_CONCURRENT_CALLBACKS = 4
/** Registrations kept in all, whoever asked (each caller has its own, smaller, share: xml-storage-notify.ts). */
export const MAX_SUBSCRIPTIONS = 1000

/** The subscriber's answer, as it came: a redirect is not followed (the callback goes where it was asked to). */
const noRedirects: typeof fetch = async (input, init) => {
  const response = await fetch(input, init)
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel().catch(() => {})
    throw new Error(`answered with a redirect (HTTP ${response.status}), which the sandbox does not follow`)
  }
  return response
}

export interface Subscription {
  /** The URL as the subscriber gave it: it is what the callback sends back. */
  url: string
  /** Its decoded path on this server, matched against the paths of changed files. */
  path: string
  /** The caller's IP address, where the callback goes. */
  address: string
  port: number
  rpcPath: string
  procedure: string
  via: 'pleaseNotify' | 'requestNotification' | 'rssPleaseNotify'
  expires: string
  errors: number
  lastError?: string
  lastNotified?: string
}

export type NewSubscription = Omit<Subscription, 'path' | 'expires' | 'errors' | 'url'>

/** Decoded URL path, so `/a%20b.html` and `/a b.html` are the same subscription. */
export function decodedPath(pathname: string): string {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return pathname
  }
}

/**
 * pleaseNotify registrations (persisted in subscriptions.json) and the callbacks they ask for:
 * `procedure(url)` over XML-RPC at the subscriber's address, port and path, expecting true.
 */
export class Subscriptions {
  private readonly pending = new Set<Promise<void>>()
  private readonly stop = new AbortController()
  private running = 0
  private readonly waiting: (() => void)[] = []

  private constructor(
    private readonly state: JsonState<Subscription[]>,
    private readonly now: () => Date,
  ) {}

  static async open(dir: string, now: () => Date = () => new Date()): Promise<Subscriptions> {
    return new Subscriptions(await JsonState.open<Subscription[]>(join(dir, 'subscriptions.json'), []), now)
  }

  /** The live registrations (expired ones are forgotten on the way). */
  active(): Subscription[] {
    const now = this.now().getTime()
    return this.state.value.filter((s) => Date.parse(s.expires) > now)
  }

  /**
   * Registers (or renews for another 25 hours) one subscription per URL. With `maxPerAddress`,
   * refuses (false, nothing changed) when the caller would then hold more than that many.
   */
  async add(fields: NewSubscription, urls: string[], maxPerAddress = MAX_SUBSCRIPTIONS): Promise<boolean> {
    const expires = new Date(this.now().getTime() + SUBSCRIPTION_LIFETIME_MS).toISOString()
    const kept = this.active()
    const same = (url: string) =>
      kept.find(
        (s) =>
          s.url === url &&
          s.address === fields.address &&
          s.port === fields.port &&
          s.rpcPath === fields.rpcPath &&
          s.procedure === fields.procedure,
      )
    const fresh = new Set(urls.filter((u) => !same(u))).size
    const theirs = kept.filter((s) => s.address === fields.address).length
    if (theirs + fresh > maxPerAddress || kept.length + fresh > MAX_SUBSCRIPTIONS) return false
    for (const url of urls) {
      const found = same(url)
      if (found) Object.assign(found, { expires, errors: 0, via: fields.via })
      else kept.push({ ...fields, url, path: decodedPath(new URL(url).pathname), expires, errors: 0 })
    }
    this.replace(kept)
    await this.state.save()
    return true
  }

  /** How many live registrations call back to this address. */
  countFor(address: string): number {
    return this.active().filter((s) => s.address === address).length
  }

  /** Calls back every subscriber of the changed paths. Returns at once; `idle()` waits for the calls. */
  notify(changedPaths: string[]): void {
    const changed = new Set(changedPaths.map(decodedPath))
    for (const sub of this.active().filter((s) => changed.has(s.path))) {
      const call = this.inTurn(() => this.callBack(sub)).finally(() => this.pending.delete(call))
      this.pending.add(call)
    }
  }

  /** Settles once every callback started so far has settled. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending])
  }

  /** Abandons callbacks in flight (the sandbox is closing). */
  async close(): Promise<void> {
    this.stop.abort()
    await this.idle()
  }

  /** Runs at most MAX_CONCURRENT_CALLBACKS tasks at once, the rest in order as places free up. */
  private async inTurn(task: () => Promise<void>): Promise<void> {
    if (this.running >= MAX_CONCURRENT_CALLBACKS) await new Promise<void>((go) => this.waiting.push(go))
    this.running += 1
    try {
      if (!this.stop.signal.aborted) await task()
    } finally {
      this.running -= 1
      this.waiting.shift()?.()
    }
  }

  private async callBack(sub: Subscription): Promise<void> {
    const host = sub.address.includes(':') ? `[${sub.address}]` : sub.address
    let failure: string | undefined
    try {
      const client = createXmlRpcClient(`http://${host}:${sub.port}${sub.rpcPath}`, {
        timeoutMs: CALLBACK_TIMEOUT_MS,
        connectTimeoutMs: CALLBACK_TIMEOUT_MS / 2,
        maxResponseBytes: 64 * 1024,
        fetch: noRedirects,
      })
      const answer = await client.call(sub.procedure, [sub.url], { signal: this.stop.signal })
      if (answer !== true) failure = `answered ${describe(answer)} instead of true`
    } catch (e) {
      failure = e instanceof Error ? e.message : String(e)
    }
    if (this.stop.signal.aborted) return
    sub.lastNotified = this.now().toISOString()
    if (failure === undefined) {
      sub.errors = 0
      delete sub.lastError
    } else {
      sub.errors += 1
      sub.lastError = failure
      if (sub.errors >= MAX_CONSECUTIVE_ERRORS) this.replace(this.state.value.filter((s) => s !== sub))
    }
    await this.state.save().catch(() => {})
  }

  private replace(list: Subscription[]): void {
    this.state.value.splice(0, this.state.value.length, ...list)
  }
}
