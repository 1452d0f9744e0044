import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandbox } from '../../../sandbox/sandbox'
import type { BlogPost, BlogMedia, Blog } from '../../../sandbox/blog-store'
import { serverTimeWall, type BlogTarget } from './blog-target'
import type { ServerView } from './server-view'

interface BlogsFile {
  blogs: Record<string, Blog>
  posts: Record<string, BlogPost>
  media: BlogMedia[]
}

/** A fresh sandbox with one member; its ServerView reads the blog's state file from disk. */
export async function openSandboxBlog(): Promise<BlogTarget & { dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'sandbox-blog-'))
  const email = 'writer@upstream.invalid'
  const password = 'pässword 1'
  const sandbox = await startSandbox({ dir, port: 0, users: [{ email, password }] })
  const usernum = sandbox.members.byEmail(email)?.usernum ?? ''
  return {
    dir,
    endpoint: sandbox.endpoint,
    username: email,
    password,
    timeZone: 'UTC',
    categories: ['Notes', 'Links'],
    view: sandboxView(dir, usernum),
    close: async () => {
      await sandbox.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** What a sandbox in `dir` stores for the blog of member `usernum`, read from its state file. */
export function sandboxView(dir: string, usernum: string): ServerView {
  const state = async (): Promise<BlogsFile> => JSON.parse(await readFile(join(dir, 'blogs.json'), 'utf8')) as BlogsFile
  return {
    async post(id) {
      const s = await state()
      const p = s.posts[id]
      if (!p) return null
      const names = (ids: number[]) =>
        ids.flatMap((c) => s.blogs[p.blogId].categories.filter((x) => x.id === c).map((x) => x.name))
      const date = new Date(p.date)
      return {
        title: p.title,
        content: p.content,
        status: p.status,
        dateGmt: date,
        slug: p.slug,
        excerpt: p.excerpt,
        categories: names(p.categoryIds),
        tags: p.tags,
        localWallClock: serverTimeWall(date, 'UTC'),
      }
    },
    mediaCount: async () => (await state()).media.filter((m) => m.blogId === usernum).length,
  }
}
