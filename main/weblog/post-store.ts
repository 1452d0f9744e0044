import { readdir, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { atomicWrite } from '../store/atomic-write'
import { ensureDir, nodeFs } from '../store/fs-layer'
import { isPostId, postProblem, type Post } from './post'
import { SiteDataError } from './site-data-error'

/**
 * The weblog's posts, one durable JSON file each under `<data>/sites/<accountId>/posts/`. A
 * damaged file is reported by list(), not skipped silently: a post missing from the site would be
 * deleted from the server on the next sync.
 */
export class PostStore {
  constructor(readonly dir: string) {}

  async list(): Promise<Post[]> {
    const names = await readdir(this.dir).catch((e: NodeJS.ErrnoException) =>
      e.code === 'ENOENT' ? [] : Promise.reject(e),
    )
    const posts: Post[] = []
    for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()) {
      const post = await this.read(name.slice(0, -5))
      if (post) posts.push(post)
    }
    return posts
  }

  async get(id: string): Promise<Post | undefined> {
    return isPostId(id) ? this.read(id) : undefined
  }

  async save(post: Post): Promise<Post> {
    const problem = postProblem(post)
    if (problem) throw new RangeError(`The post cannot be saved: ${problem}.`)
    await ensureDir(nodeFs, this.dir)
    await atomicWrite(nodeFs, this.file(post.id), JSON.stringify(post, null, 1))
    return post
  }

  async remove(id: string): Promise<boolean> {
    if (!isPostId(id)) return false
    try {
      await unlink(this.file(id))
      await nodeFs.fsyncDir(this.dir)
      return true
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false
      throw e
    }
  }

  private file(id: string): string {
    return join(this.dir, `${id}.json`)
  }

  private async read(id: string): Promise<Post | undefined> {
    let text: string
    try {
      text = await readFile(this.file(id), 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw e
    }
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      value = undefined
    }
    const problem = postProblem(value)
    if (problem || (value as Post).id !== id)
      throw new SiteDataError(
        `The post file ${this.file(id)} is damaged (${problem ?? 'its id does not match its name'}); fix or remove it before rendering.`,
      )
    return value as Post
  }
}
