import type { Account } from '../../../shared/model'
import { forgetRefusal } from '../../protocols/blog/login-refusals'
import type { XmlRpcClient } from '../../xmlrpc/client'

/**
 * The person asks for a refused blog login to be tried again (typed the password again, tested the
 * connection): Upstream never re-sends a refused password on its own, since WordPress locks out
 * accounts after a few failures. The refusal is remembered by endpoint, user name and password only.
 */
export function forgetBlogRefusal(account: Pick<Account, 'url' | 'username'>, password: string): void {
  forgetRefusal({ client: { url: account.url } as XmlRpcClient, username: account.username, password })
}
