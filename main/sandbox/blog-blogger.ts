import { XmlRpcFault } from '../xmlrpc/fault'
import { struct, type XmlRpcValue } from '../xmlrpc/values'
import type { MethodRegistry } from './context'
import type { BlogService } from './blog'
import { publishFlag } from './blog-post-fields'
import { ID, signatures } from './blog-signatures'
import type { Blog, BlogPost } from './blog-store'
import { arity, int, str, utcDateTime } from './params'

/** Blogger's <title>…</title> and <category>ids</category> inside the content, as WordPress reads them. */
function splitContent(content: string, blog: Blog): { title?: string; content: string; categories?: string[] } {
  const title = /<title>([\s\S]*?)<\/title>/i.exec(content)
  const category = /<category>([\s\S]*?)<\/category>/i.exec(content)
  const rest = content.replace(/<title>[\s\S]*?<\/title>/i, '').replace(/<category>[\s\S]*?<\/category>/i, '')
  const ids = category?.[1].split(',').map((x) => Number(x.trim()))
  const categories = ids?.flatMap((id) => blog.categories.filter((c) => c.id === id).map((c) => c.name))
  return { title: title?.[1], content: rest, categories }
}

const bloggerContent = (p: BlogPost): string =>
  `<title>${p.title}</title><category>${p.categoryIds.join(',')}</category>${p.content}`

/**
 * blogger.* with WordPress's answers, quirks included: newPost → an int; getRecentPosts faults when there is nothing.
 */
export function registerBlogger(rpc: MethodRegistry, b: BlogService): void {
  rpc.register(
    'blogger.getUsersBlogs',
    async (params) => {
      arity('blogger.getUsersBlogs', params, ['appkey', 'username', 'password'])
      const { blog } = await b.access.signIn(params[1], params[2])
      // The home page and rsd.xml exist from the first sign-in on, so discovery works on a new blog.
      await b.pages.publish(blog)
      return [
        struct({
          isAdmin: true,
          url: b.pages.urls(blog).home,
          blogid: blog.id,
          blogName: blog.name,
          xmlrpc: `${b.ctx.baseUrl()}/RPC2`,
        }),
      ]
    },
    {
      signature: signatures('array', 'string', 'string', 'string'),
      help: 'blogger.getUsersBlogs(appkey, username, password) → [{blogid, blogName, url, xmlrpc, isAdmin}]: each member has one blog; its blogid is the usernum.',
    },
  )

  rpc.register(
    'blogger.newPost',
    async (params) => {
      arity('blogger.newPost', params, ['appkey', 'blogid', 'username', 'password', 'content', 'publish'])
      const { member, blog: own } = await b.access.signIn(params[2], params[3])
      const blog = b.access.ownBlog(own, params[1])
      const post = await b.posts.create(
        blog,
        member,
        splitContent(str('content', params[4]), blog),
        publishFlag(params[5]),
      )
      return post.id
    },
    {
      signature: signatures('int', 'string', ID, 'string', 'string', 'string', 'boolean'),
      help: 'blogger.newPost(appkey, blogid, username, password, content, publish) → postid (an int, as WordPress answers). A <title>…</title> in content becomes the title.',
    },
  )

  rpc.register(
    'blogger.editPost',
    async (params) => {
      arity('blogger.editPost', params, ['appkey', 'postid', 'username', 'password', 'content', 'publish'])
      const { member, blog } = await b.access.signIn(params[2], params[3])
      const post = b.access.ownPost(blog, params[1])
      await b.posts.update(blog, post, splitContent(str('content', params[4]), blog), publishFlag(params[5]), member)
      return true
    },
    {
      signature: signatures('boolean', 'string', ID, 'string', 'string', 'string', 'boolean'),
      help: 'blogger.editPost(appkey, postid, username, password, content, publish) → true.',
    },
  )

  const deletePost = async (params: XmlRpcValue[]) => {
    arity('blogger.deletePost', params, ['appkey', 'postid', 'username', 'password', 'publish'], 1)
    const { blog } = await b.access.signIn(params[2], params[3])
    const post = b.access.ownPost(blog, params[1])
    if (post.status === 'trash') throw new XmlRpcFault(500, 'The post cannot be deleted.')
    await b.posts.trash(blog, post)
    return true
  }
  const deleteMeta = {
    signature: [
      ...signatures('boolean', 'string', ID, 'string', 'string', 'boolean'),
      ...signatures('boolean', 'string', ID, 'string', 'string'),
    ],
    help: '(appkey, postid, username, password, publish) → true. The post goes to the trash, as on WordPress.',
  }
  rpc.register('blogger.deletePost', deletePost, deleteMeta)
  rpc.register('metaWeblog.deletePost', deletePost, deleteMeta)

  rpc.register(
    'blogger.getRecentPosts',
    async (params) => {
      arity('blogger.getRecentPosts', params, ['appkey', 'blogid', 'username', 'password', 'numberOfPosts'])
      const { blog: own } = await b.access.signIn(params[2], params[3])
      const blog = b.access.ownBlog(own, params[1])
      const posts = b.store
        .postsOf(blog.id)
        .filter((p) => p.status !== 'trash')
        .slice(0, Math.max(0, int('numberOfPosts', params[4])))
      // WordPress's quirk, kept: nothing to list is a fault here (metaWeblog.getRecentPosts answers []).
      if (posts.length === 0) throw new XmlRpcFault(500, 'Either there are no posts, or something went wrong.')
      return posts.map((p) =>
        struct({ userid: blog.id, dateCreated: utcDateTime(p.date), content: bloggerContent(p), postid: String(p.id) }),
      )
    },
    {
      signature: signatures('array', 'string', ID, 'string', 'string', 'int'),
      help: 'blogger.getRecentPosts(appkey, blogid, username, password, numberOfPosts) → [{userid, dateCreated, content, postid}]; faults when there are no posts, as WordPress does.',
    },
  )
}
