import type { Account } from '../../../shared/model'
import type { BlogCredentials, BlogLogin } from '../../protocols/blog/blog-login'
import type { XmlRpcClient } from '../../xmlrpc/client'
import { passwordOf, requireKind } from '../accounts/account-login'
import type { AppContext } from '../core/context'
import { failWith } from '../core/failure'

/** The zone of the blog server's wall clock: the account's, else its profile's, else UTC. */
export const blogZoneOf = (account: Account): string => account.timeZone ?? account.profile?.timeZone ?? 'UTC'

/** Credentials and the account's server profile: enough for calls that name no blog (getUsersBlogs, getPost). */
export function blogCredentials(account: Account, client: XmlRpcClient, password: string): BlogCredentials {
  return { client, username: account.username, password, ...(account.profile ? { profile: account.profile } : {}) }
}

/** Everything a call to the account's blog needs; fails saying where to pick the blog when none is chosen. */
export function blogLogin(account: Account, client: XmlRpcClient, password: string): BlogLogin {
  if (account.blogId === undefined) {
    return failWith(
      'invalid-input',
      `The account "${account.name}" has no blog chosen. Pick one in Accounts (the list comes from the server), then try again.`,
      { field: 'blogId' },
    )
  }
  return { ...blogCredentials(account, client, password), blogid: account.blogId, timeZone: blogZoneOf(account) }
}

/** For handlers: the account must be a blog account with a stored password. */
export async function blogCredentialsFor(ctx: AppContext, account: Account, what: string): Promise<BlogCredentials> {
  requireKind(account, 'blog', what)
  return blogCredentials(account, await ctx.clientFor(account), await passwordOf(ctx, account))
}

export async function blogLoginFor(ctx: AppContext, account: Account, what: string): Promise<BlogLogin> {
  requireKind(account, 'blog', what)
  return blogLogin(account, await ctx.clientFor(account), await passwordOf(ctx, account))
}
