import type { Input } from '../../../../shared/api'
import type { WeblogSubscription } from '../../../../shared/weblog'
import type { Subscription } from '../../../protocols/notify-subscriptions'
import { toAppError } from '../../../xmlrpc/to-app-error'
import type { AppContext } from '../../core/context'
import { AppFailure } from '../../core/failure'
import { weblogAccount, weblogAccounts } from '../weblog-account'

/**
 * pleaseNotify subscriptions, made with the account's server. A registration that fails is kept
 * and retried (the server may be down): the failure is answered, and listed as lastError.
 */
export async function subscribe(ctx: AppContext, input: Input<'site.subscribe'>): Promise<WeblogSubscription> {
  const { account } = weblogAccount(ctx, input)
  const url = httpUrl(input.url.trim())
  const subs = await ctx.weblog.subscriptions()
  try {
    await subs.subscriptions.add(account.url, url)
  } catch (e) {
    throw new AppFailure(
      toAppError(e, { method: 'xmlStorageSystem.pleaseNotify', url: account.url, account: account.name }),
    )
  }
  return view(
    ctx,
    account.id,
    subs.subscriptions.list().find((s) => s.server === account.url && s.url === url)!,
  )
}

export async function unsubscribe(ctx: AppContext, input: Input<'site.unsubscribe'>): Promise<{ removed: boolean }> {
  const { account } = weblogAccount(ctx, input)
  const url = input.url.trim()
  const subs = (await ctx.weblog.subscriptions()).subscriptions
  const known = subs.list().some((s) => s.server === account.url && s.url === url)
  // There is no call to cancel: the server forgets us when the registration expires (25 hours).
  if (known) await subs.remove(account.url, url)
  return { removed: known }
}

/** One account's subscriptions, or every community account's. */
export async function listSubscriptions(
  ctx: AppContext,
  input: Input<'site.subscriptions'>,
): Promise<WeblogSubscription[]> {
  const accountId = input ? input.accountId : undefined
  const accounts = accountId === undefined ? weblogAccounts(ctx) : [weblogAccount(ctx, { accountId }).account]
  const subs = await ctx.weblog.subscriptions()
  return accounts.flatMap((a) =>
    subs.subscriptions
      .list()
      .filter((s) => s.server === a.url)
      .map((s) => view(ctx, a.id, s)),
  )
}

function view(ctx: AppContext, accountId: string, s: Subscription): WeblogSubscription {
  const active = s.expiresAt !== null && Date.parse(s.expiresAt) > Date.now()
  return {
    accountId,
    server: s.server,
    url: s.url,
    registeredAt: s.registeredAt,
    expiresAt: s.expiresAt,
    active,
    lastError: s.lastError ?? null,
    lastNotifiedAt: ctx.weblog.lastHeard(s.server, s.url),
  }
}

function httpUrl(url: string): string {
  try {
    if (['http:', 'https:'].includes(new URL(url).protocol)) return url
  } catch {
    // said below
  }
  throw new AppFailure({
    kind: 'invalid-input',
    message: `"${url}" is not an http(s) URL; subscribe to a page's full address, like the one a sync returned.`,
    details: { field: 'url' },
  })
}
