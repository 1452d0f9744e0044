import { join } from 'node:path'
import type { Member } from './members'
import { JsonState } from './state-file'

export type BlogPostStatus = 'publish' | 'draft' | 'pending' | 'private' | 'future' | 'trash'

export interface BlogPost {
  /** Site-wide, like WordPress: getPost names a post without its blog. Media take ids too. */
  id: number
  blogId: string
  author: string
  title: string
  content: string
  excerpt: string
  /** '' until published (WordPress leaves drafts without one unless given). */
  slug: string
  status: BlogPostStatus
  /** WordPress's post_password ('' or absent: none). */
  password?: string
  /** In WordPress's sticky_posts option. */
  sticky?: boolean
  categoryIds: number[]
  tags: string[]
  /** ISO 8601 instants. */
  date: string
  modified: string
}

export interface BlogCategory {
  id: number
  name: string
  description: string
  parentId: number
}

export interface BlogMedia {
  id: number
  blogId: string
  name: string
  type: string
  size: number
  /** Where it sits in the owner's web space (FileStore 'webhost'). */
  path: string
  uploaded: string
}

/** One blog per member, keyed by the member's usernum, which is also its blogid. */
export interface Blog {
  id: string
  owner: string
  name: string
  categories: BlogCategory[]
}

interface BlogState {
  nextId: number
  blogs: Record<string, Blog>
  posts: Record<string, BlogPost>
  media: BlogMedia[]
}

export const postBytes = (p: Pick<BlogPost, 'title' | 'content' | 'excerpt'>): number =>
  Buffer.byteLength(p.title) + Buffer.byteLength(p.content) + Buffer.byteLength(p.excerpt)

const SEED_CATEGORIES = ['Uncategorized', 'Notes', 'Links']

/** The sandbox blogs' state in <dir>/blogs.json; media bytes and pages live in the FileStore. */
export class BlogStore {
  private constructor(private readonly state: JsonState<BlogState>) {}

  static async open(dir: string): Promise<BlogStore> {
    return new BlogStore(
      await JsonState.open<BlogState>(join(dir, 'blogs.json'), { nextId: 1, blogs: {}, posts: {}, media: [] }),
    )
  }

  private get s(): BlogState {
    return this.state.value
  }

  save(): Promise<void> {
    return this.state.save()
  }

  /** The member's blog, made on first use. */
  async blogOf(member: Member): Promise<Blog> {
    const found = this.s.blogs[member.usernum]
    if (found) return found
    const blog: Blog = {
      id: member.usernum,
      owner: member.email,
      name: `${member.name}’s sandbox blog`,
      categories: SEED_CATEGORIES.map((name, i) => ({ id: i + 1, name, description: '', parentId: 0 })),
    }
    this.s.blogs[member.usernum] = blog
    await this.save()
    return blog
  }

  blogs(): Blog[] {
    return Object.values(this.s.blogs)
  }

  post(id: number): BlogPost | undefined {
    return this.s.posts[String(id)]
  }

  /** Newest first, by date then id, as WordPress lists them. */
  postsOf(blogId: string): BlogPost[] {
    return Object.values(this.s.posts)
      .filter((p) => p.blogId === blogId)
      .sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id)
  }

  nextId(): number {
    return this.s.nextId++
  }

  /** What a blog's posts take of its owner's quota (media are files, counted there). */
  bytesOf(blogId: string): number {
    let sum = 0
    for (const p of Object.values(this.s.posts)) if (p.blogId === blogId) sum += postBytes(p)
    return sum
  }

  async putPost(post: BlogPost): Promise<void> {
    this.s.posts[String(post.id)] = post
    await this.save()
  }

  /** Newest first, as wp.getMediaLibrary lists them. */
  mediaOf(blogId: string): BlogMedia[] {
    return this.s.media
      .filter((m) => m.blogId === blogId)
      .sort((a, b) => b.uploaded.localeCompare(a.uploaded) || b.id - a.id)
  }

  async addMedia(media: BlogMedia): Promise<void> {
    this.s.media.push(media)
    await this.save()
  }

  async addCategory(blog: Blog, name: string, description: string, parentId: number): Promise<BlogCategory> {
    const category = { id: Math.max(0, ...blog.categories.map((c) => c.id)) + 1, name, description, parentId }
    blog.categories.push(category)
    await this.save()
    return category
  }
}
