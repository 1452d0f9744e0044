import { join } from 'node:path'
import { createXmlRpcClient } from '../xmlrpc/client'
import { describe } from './params'
import { JsonState } from './state-file'

/** Registrations last this long; clients re-register every 24 hours (protocols.md §4.2). */
export const SUBSCRIPTION_LIFETIME_MS = 25 * 60 * 60 * 1000
/** A subscriber that fails this many callbacks in a row is dropped, as rssCloud servers do. */
const MAX_CONSECUTIVE_ERRORS = 5
const CALLBACK_TIMEOUT_MS = 10_000

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

  /** Registers (or renews for another 25 hours) one subscription per URL. */
  async add(fields: NewSubscription, urls: string[]): Promise<void> {
    const expires = new Date(this.now().getTime() + SUBSCRIPTION_LIFETIME_MS).toISOString()
    const kept = this.active()
    for (const url of urls) {
      const same = kept.find(
        (s) =>
          s.url === url &&
          s.address === fields.address &&
          s.port === fields.port &&
          s.rpcPath === fields.rpcPath &&
          s.procedure === fields.procedure,
      )
      if (same) Object.assign(same, { expires, errors: 0, via: fields.via })
      else kept.push({ ...fields, url, path: decodedPath(new URL(url).pathname), expires, errors: 0 })
    }
    this.replace(kept)
    await this.state.save()
  }

  /** Calls back every subscriber of the changed paths. Returns at once; `idle()` waits for the calls. */
  notify(changedPaths: string[]): void {
    const changed = new Set(changedPaths.map(decodedPath))
    for (const sub of this.active().filter((s) => changed.has(s.path))) {
      const call = this.callBack(sub).finally(() => this.pending.delete(call))
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

  private async callBack(sub: Subscription): Promise<void> {
    const host = sub.address.includes(':') ? `[${sub.address}]` : sub.address
    let failure: string | undefined
    try {
      const client = createXmlRpcClient(`http://${host}:${sub.port}${sub.rpcPath}`, { timeoutMs: CALLBACK_TIMEOUT_MS })
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
