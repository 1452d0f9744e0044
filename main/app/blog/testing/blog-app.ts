import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import type { IncomingMessage } from 'node:http'
import type { Account, Draft } from '../../../../shared/model'
import { stageUpload } from '../../../store/stage'
import type { BlogLogin } from '../../../protocols/blog/blog-login'
import { sandboxView } from '../../../protocols/blog/testing/sandbox-target'
import type { ServerView } from '../../../protocols/blog/testing/server-view'
import { wordPressTarget } from '../../../protocols/blog/testing/wordpress-target'
import type { WordPressEnv } from '../../../protocols/blog/testing/wordpress-env'
import { getUsersBlogs } from '../../../protocols/blog/users-blogs'
import { md5Hex } from '../../../sandbox/members'
import { createXmlRpcClient } from '../../../xmlrpc/client'
import { testCore } from '../../testing/test-core'
import { testNet, type TestNet } from '../../testing/test-net'

/** The real core with a blog to post to: the embedded sandbox's, or a real WordPress. Test-only. */
export interface BlogApp {
  app: Awaited<ReturnType<typeof testCore>>
  net: TestNet
  siteUrl: string
  endpoint: string
  username: string
  password: string
  /** Two category names the blog has. */
  categories: [string, string]
  /** What the blog stores, read without XML-RPC. */
  view: ServerView
  /** The same user through another client: an edit made on the web. */
  other: BlogLogin
  /** Adds the blog through accounts.save from its site URL, as the Accounts form does. */
  addAccount(): Promise<Account>
  /** Attaches bytes to a draft the way the browser host does (staged, then drafts.attach). */
  attach(draftId: string, name: string, bytes: Buffer): Promise<Draft>
}

/** Whose account the app posts with: WordPress's roles differ in what the server keeps. */
export type BlogAppRole = 'admin' | 'author' | 'contributor'

/** Opens the app on the blog; without `as`, the target's usual user (sandbox: admin, WordPress: author). */
export type OpenBlogApp = (as?: BlogAppRole) => Promise<BlogApp>

function blogApp(
  app: BlogApp['app'],
  net: TestNet,
  site: Omit<BlogApp, 'app' | 'net' | 'addAccount' | 'attach'>,
): BlogApp {
  return {
    app,
    net,
    ...site,
    addAccount: () =>
      app.call('accounts.save', {
        kind: 'blog',
        name: 'My blog',
        siteUrl: site.siteUrl,
        username: site.username,
        password: site.password,
      }),
    async attach(draftId, name, bytes) {
      const { fileId } = await stageUpload(
        Readable.from([bytes]) as unknown as IncomingMessage,
        app.dir,
        10 * 1024 * 1024,
      )
      return app.call('drafts.attach', { draftId, fileId, name })
    },
  }
}

/** A new member of the core's own Local sandbox, whose blog's address comes from getUsersBlogs. */
export const sandboxBlogApp: OpenBlogApp = async (as = 'admin') => {
  const net = testNet()
  const app = await testCore({ fetch: net.fetch })
  // The sandbox blog plays an Author or a Contributor for a +author/+contributor address (blog-roles.ts).
  const username = `writer-${randomBytes(3).toString('hex')}${as === 'admin' ? '' : `+${as}`}@blog.test`
  const password = 'pässword 1'
  const { usernum } = (await app.otherClient(
    'xmlStorageSystem.registerUser',
    username,
    'Writer',
    md5Hex(password),
    5335,
    'vitest',
  )) as { usernum: string }
  const client = createXmlRpcClient(app.sandboxUrl)
  const [blog] = await getUsersBlogs({ client, username, password })
  const view = sandboxView(join(app.dir, 'sandbox'), usernum)
  return blogApp(app, net, {
    siteUrl: blog.url,
    endpoint: app.sandboxUrl,
    username,
    password,
    categories: ['Notes', 'Links'],
    view,
    other: { client, username, password, blogid: blog.blogid },
  })
}

/** The loopback WordPress (scripts/wordpress/setup.sh), with a core that runs no sandbox. */
export const wordPressBlogApp =
  (env: WordPressEnv): OpenBlogApp =>
  async (as = 'author') => {
    const net = testNet()
    const app = await testCore({ fetch: net.fetch, sandbox: false })
    const user = as === 'author' ? { username: env.username, password: env.password } : env[as]
    if (!user) throw new Error(`${as}: not in env.json; re-run scripts/wordpress/setup.sh`)
    const target = wordPressTarget({ ...env, ...user })
    const client = createXmlRpcClient(env.url)
    const [blog] = await getUsersBlogs({ client, username: user.username, password: user.password })
    const other = {
      client,
      username: user.username,
      password: user.password,
      blogid: blog.blogid,
      timeZone: env.timeZone,
    }
    return blogApp(app, net, {
      siteUrl: env.site,
      endpoint: env.url,
      username: user.username,
      password: user.password,
      categories: target.categories,
      view: target.view,
      other,
    })
  }
