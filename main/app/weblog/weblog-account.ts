import type { Account } from '../../../shared/model'
import { siteAccountOf, type SiteAccount } from '../../weblog/site-account'
import { SiteDataError } from '../../weblog/site-data-error'
import { siteLocations, type SiteLocations } from '../../weblog/site-locations'
import type { AppContext } from '../core/context'
import { AppFailure } from '../core/failure'

/** A community account's weblog: the account, what the engine needs of it, and where its files live. */
export interface WeblogAccount {
  account: Account
  site: SiteAccount
  loc: SiteLocations
}

/** The weblog of `input.accountId`, or a failure naming why this account has none and what to do. */
export function weblogAccount(ctx: AppContext, input: { accountId: string }): WeblogAccount {
  return weblogOf(ctx, ctx.account(input.accountId))
}

export function weblogOf(ctx: AppContext, account: Account): WeblogAccount {
  const site = engineCall(() => siteAccountOf(account))
  return { account, site, loc: engineCall(() => siteLocations(ctx.dataDir, account.id)) }
}

/**
 * The engine says what is wrong with a RangeError (a bad value, an account without a usernum) or a
 * SiteDataError (a damaged post, settings or state file): both are the person's to fix, so they
 * reach the UI as invalid input with the engine's sentence, which names the file or field.
 */
export function engineCall<T>(run: () => T): T {
  try {
    return run()
  } catch (e) {
    throw asFailure(e)
  }
}

export async function engineTask<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (e) {
    throw asFailure(e)
  }
}

function asFailure(e: unknown): unknown {
  if (e instanceof SiteDataError) return new AppFailure(e.toAppError())
  if (e instanceof RangeError) return new AppFailure({ kind: 'invalid-input', message: e.message })
  return e
}

/** Accounts that have a weblog: community accounts with a usernum (registered). */
export const weblogAccounts = (ctx: AppContext): Account[] =>
  ctx.settings.get().accounts.filter((a) => a.kind === 'community' && a.usernum !== undefined && a.usernum !== '')
