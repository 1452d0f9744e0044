import { readerText } from './html-compare'
import type { PostSnapshot } from './read-post'

export type PostField = 'title' | 'description' | 'categories' | 'keywords' | 'excerpt' | 'slug' | 'status' | 'date'

/**
 * Which fields of a post changed on the server since `base` (the post as getPost returned it right
 * after our last publish; not what we sent, since WordPress filters HTML and fills in slugs). An
 * empty list means publishing over it loses nothing. Line endings and surrounding whitespace of
 * the body, and the order of categories and tags, are not changes.
 */
export function changedFields(base: PostSnapshot, current: PostSnapshot): PostField[] {
  const changed: PostField[] = []
  // Titles and excerpts as a reader sees them (entities decoded): an encoded copy is the same text.
  if (readerText(base.title) !== readerText(current.title)) changed.push('title')
  if (body(base.description) !== body(current.description)) changed.push('description')
  if (!sameSet(base.categories, current.categories)) changed.push('categories')
  if (!sameSet(base.keywords, current.keywords)) changed.push('keywords')
  if (readerText(base.excerpt) !== readerText(current.excerpt)) changed.push('excerpt')
  if (base.slug !== current.slug) changed.push('slug')
  // An engine without post_status (null) says nothing about it.
  // A scheduled post whose time came (future → publish) is the blog doing as asked, not a change.
  const wentLive = base.status === 'future' && current.status === 'publish'
  if (base.status !== null && current.status !== null && base.status !== current.status && !wentLive)
    changed.push('status')
  if (instant(base.dateCreated) !== instant(current.dateCreated)) changed.push('date')
  return changed
}

/** The server copy moved on since base (its own modified stamp, when the engine keeps one). */
export const modifiedSince = (base: PostSnapshot, current: PostSnapshot): boolean =>
  base.dateModified !== null &&
  current.dateModified !== null &&
  instant(base.dateModified) !== instant(current.dateModified)

/** The plain-JSON part of a fetched post, to store as a draft's base. */
export function snapshotOf(p: PostSnapshot): PostSnapshot {
  const {
    id,
    wireId,
    title,
    description,
    categories,
    keywords,
    excerpt,
    slug,
    status,
    dateCreated,
    dateSource,
    dateModified,
    link,
  } = p
  return {
    id,
    wireId,
    title,
    description,
    categories: [...categories],
    keywords: [...keywords],
    excerpt,
    slug,
    status,
    dateCreated,
    dateSource,
    dateModified,
    link,
  }
}

const body = (text: string): string => text.replace(/\r\n?/g, '\n').trim()
const instant = (iso: string | null): number | null => (iso === null ? null : Math.floor(Date.parse(iso) / 1000))

function sameSet(a: string[], b: string[]): boolean {
  const x = new Set(a.map((s) => s.trim()))
  const y = new Set(b.map((s) => s.trim()))
  return x.size === y.size && [...x].every((s) => y.has(s))
}
