import { slugify as slugOf } from '../../shared/slug'
/** A weblog post: what the renderer turns into a permalink page, home and archive entries, and a feed item. */
export type PostFormat = 'html' | 'markdown' | 'text'

export interface Post {
  /** Letters, digits, '-' and '_': it names the post's file. */
  id: string
  title: string
  body: string
  format: PostFormat
  /** When it was first published (ISO 8601 instant); shown in the weblog's time zone. */
  date: string
  categories: string[]
  /** The permalink page's path in the site folder; derived from the date and title when absent. */
  path?: string
  /** The draft (kind 'post') it was published from. */
  draftId?: string
  updatedAt: string
}

export const postFormats: readonly PostFormat[] = ['html', 'markdown', 'text']
export const isPostId = (id: unknown): id is string => typeof id === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(id)

/** Why `v` is not a usable post, or null. Anything off is refused, never half-rendered. */
export function postProblem(v: unknown): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'it is not an object'
  const p = v as Record<string, unknown>
  if (!isPostId(p.id)) return '"id" may only hold letters, digits, "-" and "_"'
  if (typeof p.title !== 'string' || typeof p.body !== 'string') return '"title" and "body" must be strings'
  if (!postFormats.includes(p.format as PostFormat)) return `"format" must be one of ${postFormats.join(', ')}`
  if (typeof p.date !== 'string' || Number.isNaN(Date.parse(p.date))) return '"date" must be an ISO 8601 date'
  if (!Array.isArray(p.categories) || !p.categories.every((c) => typeof c === 'string' && c.trim() !== ''))
    return '"categories" must be a list of non-empty strings'
  if (p.path !== undefined && (typeof p.path !== 'string' || !isPagePath(p.path)))
    return '"path" must be a relative path ending in .html, without "..", "#" or leading "."'
  if (p.draftId !== undefined && typeof p.draftId !== 'string') return '"draftId" must be a string'
  if (typeof p.updatedAt !== 'string') return '"updatedAt" must be a string'
  return null
}

/** A relative page path the sync would upload: no hidden or template segments, no "..". */
export function isPagePath(path: string): boolean {
  if (!/\.html?$/i.test(path) || path.startsWith('/') || /[\\\0-\x1f]/.test(path)) return false
  return path.split('/').every((seg) => seg !== '' && seg !== '..' && !seg.startsWith('.') && !seg.startsWith('#'))
}

/** A URL- and file-friendly slug of a title: ASCII letters and digits joined by '-'. */
export function slugify(title: string, fallback: string): string {
  return slugOf(title) || fallback
}
