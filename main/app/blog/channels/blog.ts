import type { Input } from '../../../../shared/api'
import type { BlogCategories, BlogInfo } from '../../../../shared/model'
import { blogKeyOf } from '../../../protocols/blog/blog-login'
import { getCategories } from '../../../protocols/blog/categories'
import { getUsersBlogs } from '../../../protocols/blog/users-blogs'
import { cacheCategories, cachedCategories } from '../blog-categories-cache'
import { blogCredentialsFor, blogLoginFor } from '../blog-login'
import type { AppContext } from '../../core/context'
import { AppFailure } from '../../core/failure'
import { serverCall } from '../../accounts/server-call'

/** blogger.getUsersBlogs: the blogs this login may write to, for the account's blog picker. */
export async function listBlogs(ctx: AppContext, input: Input<'blog.blogs'>): Promise<BlogInfo[]> {
  const account = ctx.account(input.accountId)
  const creds = await blogCredentialsFor(ctx, account, 'Listing blogs')
  const blogs = await serverCall(account, 'blogger.getUsersBlogs', () => getUsersBlogs(creds))
  return blogs.map(({ blogid, blogName, url, xmlrpc, isAdmin }) => ({ blogid, blogName, url, xmlrpc, isAdmin }))
}

/**
 * metaWeblog.getCategories, kept on disk after every read so the post editor can offer them
 * offline: when the blog cannot be reached the kept list answers, with its date and why. Refusals
 * (a wrong password, XML-RPC turned off) are not hidden behind an old list: they need fixing.
 */
export async function blogCategories(ctx: AppContext, input: Input<'blog.categories'>): Promise<BlogCategories> {
  const account = ctx.account(input.accountId)
  const login = await blogLoginFor(ctx, account, 'Listing categories')
  const blogKey = blogKeyOf(login)
  try {
    const list = await serverCall(account, 'metaWeblog.getCategories', () => getCategories(login))
    const categories = list.map(({ name, id, parentId, description }) => ({ name, id, parentId, description }))
    const fetchedAt = new Date().toISOString()
    // The answer stands even if the copy cannot be written (a full disk): only offline use suffers.
    await cacheCategories(ctx.dataDir, account.id, { blogKey, fetchedAt, categories }).catch(() => {})
    return { categories, fetchedAt, fromCache: false }
  } catch (e) {
    if (!(e instanceof AppFailure) || e.error.kind !== 'transport') throw e
    const cached = await cachedCategories(ctx.dataDir, account.id, blogKey).catch(() => undefined)
    if (!cached) throw e
    return { categories: cached.categories, fetchedAt: cached.fetchedAt, fromCache: true, note: e.error.message }
  }
}
