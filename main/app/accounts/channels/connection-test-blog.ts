import type { Account, ConnectionReport } from '../../../../shared/model'
import { forgetRefusal } from '../../../protocols/blog/login-refusals'
import { getUsersBlogs } from '../../../protocols/blog/users-blogs'
import { blogCredentialsFor } from '../../blog/blog-login'
import type { AppContext } from '../../core/context'
import { serverCall } from '../server-call'

/**
 * "Test connection" for a blog: blogger.getUsersBlogs checks the password without changing
 * anything, and says whether the chosen blog is still among the login's. The person asked, so a
 * login refused earlier is tried once more.
 */
export async function testBlog(ctx: AppContext, account: Account, report: ConnectionReport): Promise<void> {
  const creds = await blogCredentialsFor(ctx, account, 'Testing a blog')
  forgetRefusal(creds)
  const blogs = await serverCall(account, 'blogger.getUsersBlogs', () => getUsersBlogs(creds))
  const names = blogs.map((b) => `“${b.blogName}”`).join(', ')
  if (blogs.length === 0) {
    report.notes.push(
      'Signed in, but this login may not write to any blog here. Ask the blog’s administrator for an author role.',
    )
    return
  }
  const chosen =
    account.blogId === undefined ? undefined : blogs.find((b) => String(b.blogid) === String(account.blogId))
  if (account.blogId === undefined) report.notes.push(`Signed in. Pick the blog to post to: ${names}.`)
  else if (!chosen)
    report.notes.push(
      `Signed in, but the chosen blog (${account.blogId}) is not among this login’s blogs (${names}). Pick one again.`,
    )
  else report.notes.push(`Signed in to “${chosen.blogName}” (${chosen.url}); posts go there.`)
}
