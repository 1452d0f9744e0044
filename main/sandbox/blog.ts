import type { MethodRegistry, SandboxContext } from './context'
import { BlogAccess } from './blog-access'
import { registerBlogger } from './blog-blogger'
import { registerBlogMedia } from './blog-media'
import { registerMetaWeblog } from './blog-metaweblog'
import { BlogPages } from './blog-pages'
import { BlogPosts } from './blog-posts'
import { BlogStore } from './blog-store'
import { registerWp } from './blog-wp'

/** What the blog namespaces share. */
export interface BlogService {
  ctx: SandboxContext
  store: BlogStore
  access: BlogAccess
  posts: BlogPosts
  pages: BlogPages
}

/**
 * A small WordPress-like blog per member, over the Blogger and MetaWeblog APIs (docs/protocols.md §5):
 * sign-in with the member's e-mail and clear password, one blog each (blogid = usernum), posts,
 * categories and media persisted in the data directory, and each blog published as static pages
 * with an RSD link so endpoint discovery works against it. WordPress's answers and quirks are kept
 * where they are harmless: fault 403 for a bad login, string ids from metaWeblog.newPost and an int
 * from blogger.newPost, blogger.getRecentPosts faulting when there is nothing, deletion to the trash.
 */
export async function registerBlog(rpc: MethodRegistry, ctx: SandboxContext): Promise<void> {
  const store = await BlogStore.open(ctx.dir)
  ctx.files.addUsage((usernum) => store.bytesOf(usernum)) // blogid = usernum
  const pages = new BlogPages(ctx, store)
  const service: BlogService = {
    ctx,
    store,
    access: new BlogAccess(ctx, store),
    posts: new BlogPosts(ctx, store, pages),
    pages,
  }
  service.access.beforeCall = (blog) => service.posts.publishDue(blog)
  registerBlogger(rpc, service)
  registerMetaWeblog(rpc, service)
  registerBlogMedia(rpc, service)
  registerWp(rpc, service)
}
