import type { Account, AccountKind } from '../../../shared/model'
import { defaultProfile } from '../../../shared/server-profile'
import type { CommunityServer } from '../../protocols/community-session'
import type { DiscussionLogin } from '../../protocols/discussion'
import { passwordKey } from '../../store/secrets'
import type { AppContext } from '../core/context'
import { failWith } from '../core/failure'

const kindNames: Record<AccountKind, string> = {
  discussion: 'discussion group',
  webhost: 'web host',
  community: 'community server',
  blog: 'blog (MetaWeblog)',
}

/** The account's stored password, or a failure saying where to add it. */
export async function passwordOf(ctx: AppContext, account: Account): Promise<string> {
  return (
    (await ctx.secrets.get(passwordKey(account.id))) ??
    failWith('auth', `No password is stored for the account "${account.name}". Add it in Accounts, then try again.`)
  )
}

export function requireKind(account: Account, kind: AccountKind, what: string): void {
  if (account.kind !== kind)
    failWith(
      'invalid-input',
      `${what} needs a ${kindNames[kind]} account; "${account.name}" is a ${kindNames[account.kind]} account.`,
      { field: 'accountId' },
    )
}

/** The three params every mainResponder.discuss call starts with, with the account's client and profile. */
export async function discussionOf(ctx: AppContext, account: Account, what: string): Promise<DiscussionLogin> {
  requireKind(account, 'discussion', what)
  if (!account.dgname)
    return failWith(
      'invalid-input',
      `The account "${account.name}" names no discussion group. Set its group in Accounts.`,
      { field: 'dgname' },
    )
  const password = await passwordOf(ctx, account)
  return {
    client: await ctx.clientFor(account),
    dgname: account.dgname,
    username: account.username,
    password,
    ...(account.profile ? { profile: account.profile } : {}),
  }
}

/** A community server as the account knows it (the profile last detected or edited). */
export async function communityOf(ctx: AppContext, account: Account): Promise<CommunityServer> {
  return { client: await ctx.clientFor(account), profile: account.profile ?? defaultProfile() }
}
