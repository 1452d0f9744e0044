import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CommunityServer } from '../protocols/community-session'
import { startNotifyListener, type NotifyListener, type NotifyListenerOptions } from '../protocols/notify-listener'
import { createSubscriptions, type SubscriptionState, type Subscriptions } from '../protocols/notify-subscriptions'
import { pleaseNotify } from '../protocols/please-notify'
import { atomicWrite } from '../store/atomic-write'
import { ensureDir, nodeFs } from '../store/fs-layer'

/** A callback from a community server: `url` changed. */
export interface SiteNotification {
  server: string
  url: string
  at: string
}

export interface WeblogSubscriptionsOptions {
  dataDir: string
  /** The community server behind an endpoint (its client and profile). */
  serverFor: (endpoint: string) => CommunityServer
  onNotification: (n: SiteNotification) => void
  /** Where to listen for callbacks (loopback and a free port by default). */
  listen?: Pick<NotifyListenerOptions, 'host' | 'port'>
  now?: () => number
  checkEveryMs?: number
}

export interface WeblogSubscriptions {
  subscriptions: Subscriptions
  listener: NotifyListener
  close(): Promise<void>
}

/**
 * pleaseNotify subscriptions for the app: a callback listener, the registrations kept in
 * `<data>/subscriptions.json` (renewed at start and every 24 hours), and each callback handed on
 * as a notification naming the server that subscription was made with.
 */
export async function startWeblogSubscriptions(o: WeblogSubscriptionsOptions): Promise<WeblogSubscriptions> {
  const file = join(o.dataDir, 'subscriptions.json')
  const initial = await readState(file)
  let subscriptions: Subscriptions | undefined
  const listener = await startNotifyListener({
    ...o.listen,
    onNotify: (url) => {
      const servers =
        subscriptions
          ?.list()
          .filter((s) => s.url === url)
          .map((s) => s.server) ?? []
      o.onNotification({ server: servers[0] ?? '', url, at: new Date(o.now?.() ?? Date.now()).toISOString() })
    },
  })
  subscriptions = createSubscriptions({
    initial,
    now: o.now,
    checkEveryMs: o.checkEveryMs,
    save: async (state) => {
      await ensureDir(nodeFs, o.dataDir)
      await atomicWrite(nodeFs, file, JSON.stringify(state, null, 1))
    },
    register: async (server, urls) => void (await pleaseNotify(o.serverFor(server), listener.registration, urls)),
  })
  // Registrations the server may have dropped while we were away are made again; failures are kept and retried.
  await subscriptions.start().catch(() => undefined)
  return {
    subscriptions,
    listener,
    close: async () => {
      subscriptions?.stop()
      await listener.close()
    },
  }
}

async function readState(file: string): Promise<SubscriptionState> {
  try {
    const v = JSON.parse(await readFile(file, 'utf8')) as SubscriptionState
    return Array.isArray(v?.subscriptions) ? v : { subscriptions: [] }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { subscriptions: [] }
    throw new Error(
      `${file} cannot be read (${(e as Error).message}); move it aside to start the subscriptions afresh.`,
      { cause: e },
    )
  }
}
