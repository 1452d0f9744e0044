/**
 * A blog account as the blog protocol's login (main/protocols/blog/blog-login.ts), in one place for
 * both callers: channel handlers (which look the account and password up and fail with an
 * AppFailure) and job performers (already signed in by the queue, answered as an outcome).
 */
import type { Account } from '../../../shared/model'
import type { BlogCredentials, BlogLogin } from '../../protocols/blog/blog-login'
import type { Outcome } from '../../queue/outcome'
import type { XmlRpcClient } from '../../xmlrpc/client'
import { passwordOf, requireKind } from '../accounts/account-login'
import type { AppContext } from '../core/context'
import { failWith } from '../core/failure'
import { errorOf } from '../queue/error-of'
import type { SignedIn } from '../queue/sign-in'

/** The zone of the blog server's wall clock: the account's, else its profile's, else UTC. */
export const blogZoneOf = (account: Account): string => account.timeZone ?? account.profile?.timeZone ?? 'UTC'

/** Credentials and the account's server profile: enough for calls that name no blog (getUsersBlogs, getPost). */
function credentialsOf({ account, client, password }: SignedIn): BlogCredentials {
  return { client, username: account.username, password, ...(account.profile ? { profile: account.profile } : {}) }
}

/** Everything a call to the account's blog needs; fails saying where to pick the blog when none is chosen. */
function loginOf(who: SignedIn): BlogLogin {
  const { account } = who
  if (account.blogId === undefined) {
    return failWith(
      'invalid-input',
      `The account "${account.name}" has no blog chosen. Pick one in Accounts (the list comes from the server), then try again.`,
      { field: 'blogId' },
    )
  }
  return { ...credentialsOf(who), blogid: account.blogId, timeZone: blogZoneOf(account) }
}

/** For handlers: the account must be a blog account with a stored password. */
async function signedIn(ctx: AppContext, account: Account, what: string): Promise<SignedIn> {
  requireKind(account, 'blog', what)
  const client: XmlRpcClient = await ctx.clientFor(account)
  return { account, client, password: await passwordOf(ctx, account) }
}

export const blogCredentialsFor = async (ctx: AppContext, account: Account, what: string): Promise<BlogCredentials> =>
  credentialsOf(await signedIn(ctx, account, what))

export const blogLoginFor = async (ctx: AppContext, account: Account, what: string): Promise<BlogLogin> =>
  loginOf(await signedIn(ctx, account, what))

/** For job performers: the signed-in account as a blog login, or the outcome asking the person to pick a blog. */
export function blogLoginOf(who: SignedIn): BlogLogin | Extract<Outcome, { kind: 'attention' }> {
  try {
    return loginOf(who)
  } catch (e) {
    return { kind: 'attention', error: errorOf(e) }
  }
}
