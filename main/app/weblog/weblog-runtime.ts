import type { Account } from '../../../shared/model'
import { defaultProfile } from '../../../shared/server-profile'
import type { CommunityServer } from '../../protocols/community-session'
import { KeyedQueue } from '../../store/keyed-queue'
import { loadWeblogConfig, siteDirOf } from '../../weblog/config-store'
import { siteStatus } from '../../weblog/site-status'
import { watchSite, type SiteWatcher } from '../../weblog/site-watcher'
import {
  startWeblogSubscriptions,
  type SiteNotification,
  type WeblogSubscriptions,
} from '../../weblog/weblog-subscriptions'
import { createXmlRpcClient } from '../../xmlrpc/client'
import type { AppContext } from '../core/context'
import { failWith } from '../core/failure'
import { jobRan, queueSiteSync } from './site-sync-job'
import { weblogAccounts, weblogOf } from './weblog-account'

/**
 * What the weblog does without being asked: pleaseNotify callbacks (shown as notifications) and,
 * for accounts that turned it on, "upstream on change" (a site.sync job once the site folder has
 * been quiet). Started in the background, so a slow server or a large folder never delays the app.
 */
export class WeblogRuntime {
  private readonly watchers = new Map<string, SiteWatcher>()
  private readonly serial = new KeyedQueue()
  private readonly stopping = new AbortController()
  private readonly heard = new Map<string, string>()
  private subs: Promise<WeblogSubscriptions | null> = Promise.resolve(null)

  constructor(private readonly ctx: () => AppContext) {}

  start(): void {
    this.subs = startWeblogSubscriptions({
      dataDir: this.ctx().dataDir,
      serverFor: (url) => this.serverFor(url),
      onNotification: (n) => this.onNotification(n),
    }).catch((e: unknown) => {
      this.warn('Subscriptions are off', (e as Error).message)
      return null
    })
    for (const a of weblogAccounts(this.ctx())) void this.refresh(a.id)
  }

  /** The subscriptions, once started; a failure says why they are off and how to bring them back. */
  async subscriptions(): Promise<WeblogSubscriptions> {
    return (
      (await this.subs) ??
      failWith(
        'internal',
        'Weblog subscriptions could not start (see the notification at start-up); restart Upstream to try again.',
      )
    )
  }

  /** When the server last called back about this URL (since start), or null. */
  lastHeard = (server: string, url: string): string | null => this.heard.get(`${server}\u0000${url}`) ?? null

  /** Starts or stops watching one account's site folder, as its settings now say. */
  refresh(accountId: string): Promise<void> {
    return this.serial
      .run(accountId, async () => {
        this.watchers.get(accountId)?.close()
        this.watchers.delete(accountId)
        const account = weblogAccounts(this.ctx()).find((a) => a.id === accountId)
        if (!account || this.stopping.signal.aborted) return
        const { loc } = weblogOf(this.ctx(), account)
        const { config } = await loadWeblogConfig(loc, account.name)
        if (!config.upstreamOnChange) return
        const watcher = await watchSite({
          dir: siteDirOf(loc, config),
          settleMs: config.settleMs,
          run: () => this.syncChanged(account),
          onError: (e) => this.warn(`Watching the site of ${account.name} failed`, (e as Error).message),
        })
        if (this.stopping.signal.aborted) watcher.close()
        else this.watchers.set(accountId, watcher)
      })
      .catch((e: unknown) =>
        this.warn(
          `Upstream on change is off for account ${accountId}`,
          `${(e as Error).message} Fix this, then save the weblog's settings to start watching again.`,
        ),
      )
  }

  async close(): Promise<void> {
    this.stopping.abort()
    await this.serial.idle()
    for (const w of this.watchers.values()) w.close()
    this.watchers.clear()
    await (await this.subs)?.close()
  }

  /** Queues a sync only when there is something to send (our own rendering also touches the folder). */
  private async syncChanged(account: Account): Promise<void> {
    const status = await siteStatus(this.ctx().dataDir, weblogOf(this.ctx(), account).site)
    if (status.pending.uploads.length === 0 && status.pending.deletes.length === 0) return
    const job = await queueSiteSync(this.ctx(), account)
    await jobRan(this.ctx(), job.id, this.stopping.signal)
  }

  private onNotification(n: SiteNotification): void {
    this.heard.set(`${n.server}\u0000${n.url}`, n.at)
    this.ctx().events.emit('notification', {
      level: 'info',
      title: 'A subscribed page changed',
      body: `${n.url}${n.server ? ` (told by ${n.server})` : ''}`,
    })
  }

  /** pleaseNotify goes through the account's client (the app's fetch, the wire log) where one matches. */
  private serverFor(endpoint: string): CommunityServer {
    const ctx = this.ctx()
    const account = ctx.settings.get().accounts.find((a) => a.kind === 'community' && a.url === endpoint)
    if (!account) return { client: createXmlRpcClient(endpoint, { fetch: ctx.fetch }), profile: defaultProfile() }
    const client = {
      url: endpoint,
      call: async (...args: Parameters<CommunityServer['client']['call']>) =>
        (await ctx.clientFor(account)).call(...args),
    }
    return { client, profile: account.profile ?? defaultProfile() }
  }

  private warn(title: string, body: string): void {
    this.ctx().events.emit('notification', { level: 'warning', title, body })
  }
}
