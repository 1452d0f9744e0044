import { struct } from '../xmlrpc/values'
import type { MethodRegistry } from './context'
import { publishFlag, readContentStruct } from './blog-post-fields'
import { ID, signatures } from './blog-signatures'
import { postStructOf } from './blog-post-struct'
import type { BlogService } from './blog'
import { arity, int, structParam } from './params'

/** metaWeblog.*, shaped as WordPress answers them (wp.* in blog-wp.ts). */
export function registerMetaWeblog(rpc: MethodRegistry, b: BlogService): void {
  rpc.register(
    'metaWeblog.newPost',
    async (params) => {
      arity('metaWeblog.newPost', params, ['blogid', 'username', 'password', 'content', 'publish'])
      const { member, blog: own } = await b.access.signIn(params[1], params[2])
      const blog = b.access.ownBlog(own, params[0])
      const post = await b.posts.create(
        blog,
        member,
        readContentStruct(structParam('content', params[3])),
        publishFlag(params[4]),
      )
      // WordPress answers this one with a string (and blogger.newPost with an int).
      return String(post.id)
    },
    {
      signature: signatures('string', ID, 'string', 'string', 'struct', 'boolean'),
      help: 'metaWeblog.newPost(blogid, username, password, content, publish) → postid (a string). content: {title, description, categories, mt_keywords, mt_excerpt, wp_slug, post_status, dateCreated, date_created_gmt}.',
    },
  )

  rpc.register(
    'metaWeblog.editPost',
    async (params) => {
      arity('metaWeblog.editPost', params, ['postid', 'username', 'password', 'content', 'publish'])
      const { member, blog } = await b.access.signIn(params[1], params[2])
      const post = b.access.ownPost(blog, params[0])
      const changes = readContentStruct(structParam('content', params[3]))
      await b.posts.update(blog, post, changes, publishFlag(params[4]), member)
      return true
    },
    {
      signature: signatures('boolean', ID, 'string', 'string', 'struct', 'boolean'),
      help: 'metaWeblog.editPost(postid, username, password, content, publish) → true. Members left out keep their values; publish false without post_status makes the post a draft, as on WordPress.',
    },
  )

  rpc.register(
    'metaWeblog.getPost',
    async (params) => {
      arity('metaWeblog.getPost', params, ['postid', 'username', 'password'])
      const { blog } = await b.access.signIn(params[1], params[2])
      return postStructOf(b.access.ownPost(blog, params[0]), blog, b.pages.urls(blog))
    },
    {
      signature: signatures('struct', ID, 'string', 'string'),
      help: 'metaWeblog.getPost(postid, username, password) → the post, as WordPress shapes it (the body split at <!--more--> into description and mt_text_more).',
    },
  )

  rpc.register(
    'metaWeblog.getRecentPosts',
    async (params) => {
      arity('metaWeblog.getRecentPosts', params, ['blogid', 'username', 'password', 'numberOfPosts'], 1)
      const { blog: own } = await b.access.signIn(params[1], params[2])
      const blog = b.access.ownBlog(own, params[0])
      const count = params[3] === undefined ? 10 : int('numberOfPosts', params[3])
      const urls = b.pages.urls(blog)
      return b.store
        .postsOf(blog.id)
        .filter((p) => p.status !== 'trash')
        .slice(0, Math.max(0, count))
        .map((p) => postStructOf(p, blog, urls))
    },
    {
      signature: [
        ...signatures('array', ID, 'string', 'string', 'int'),
        ...signatures('array', ID, 'string', 'string'),
      ],
      help: 'metaWeblog.getRecentPosts(blogid, username, password, numberOfPosts) → the newest posts, newest first ([] when there are none).',
    },
  )

  rpc.register(
    'metaWeblog.getCategories',
    async (params) => {
      arity('metaWeblog.getCategories', params, ['blogid', 'username', 'password'])
      const { blog: own } = await b.access.signIn(params[1], params[2])
      const blog = b.access.ownBlog(own, params[0])
      const home = b.pages.urls(blog).home
      return blog.categories.map((c) =>
        struct({
          categoryId: c.id,
          parentId: c.parentId,
          description: c.name,
          categoryDescription: c.description,
          categoryName: c.name,
          htmlUrl: `${home}?cat=${c.id}`,
          rssUrl: `${home}?cat=${c.id}&feed=rss2`,
        }),
      )
    },
    {
      signature: signatures('array', ID, 'string', 'string'),
      help: 'metaWeblog.getCategories(blogid, username, password) → array of {categoryId (int), parentId, categoryName, description, categoryDescription, htmlUrl, rssUrl}.',
    },
  )
}
