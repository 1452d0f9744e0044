import { isStruct } from '../../xmlrpc/get-member'
import { readStringList } from '../read-members'
import { UnsupportedError } from '../unsupported'
import { callBlog, type BlogCallOpts } from './call-blog'
import type { BlogLogin } from './blog-login'

/**
 * The account's roles on the blog (wp.getProfile → roles: "administrator", "author",
 * "contributor"…), which decide what WordPress lets it do: only administrators and editors may
 * create categories or post unfiltered HTML, and a contributor may not publish. undefined where
 * the server has no wp.getProfile (other engines: nothing to learn, so the app just tries).
 */
export async function getRoles(login: BlogLogin, opts: BlogCallOpts = {}): Promise<string[] | undefined> {
  try {
    const answer = await callBlog(login, 'wp.getProfile', [login.blogid, login.username, login.password], opts)
    return isStruct(answer) ? readStringList(answer, 'roles') : undefined
  } catch (e) {
    if (e instanceof UnsupportedError) return undefined
    throw e
  }
}

/** WordPress's manage_categories capability comes with these two roles. */
export const mayManageCategories = (roles: string[]): boolean =>
  roles.some((r) => r === 'administrator' || r === 'editor')

/** Making a post sticky takes edit_others_posts: Editors and Administrators only (WordPress 401s the rest). */
export const mayStick = (roles: string[]): boolean => roles.some((r) => r === 'administrator' || r === 'editor')

/** A private post takes publish_posts: a Contributor (or Subscriber) may not. */
export const mayPublishPrivate = (roles: string[]): boolean =>
  roles.some((r) => r === 'administrator' || r === 'editor' || r === 'author')
