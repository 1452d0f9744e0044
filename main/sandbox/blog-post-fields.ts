import { XmlRpcFault } from '../xmlrpc/fault'
import { getMember } from '../xmlrpc/get-member'
import { XmlRpcDateTime, type XmlRpcStruct, type XmlRpcValue } from '../xmlrpc/values'
import { serverTimeToDate } from '../xmlrpc/server-time'
import type { Blog, BlogPost, BlogPostStatus } from './blog-store'
import { array, SandboxFault, str } from './params'

/** What a MetaWeblog content struct asks for; absent members leave a post as it is. */
export interface PostChanges {
  title?: string
  content?: string
  excerpt?: string
  slug?: string
  status?: string
  categories?: string[]
  tags?: string[]
  date?: Date
  password?: string
  sticky?: boolean
}

/** Reads a content struct strictly by type (a client sending an int title is told so). */
export function readContentStruct(s: XmlRpcStruct): PostChanges {
  const opt = (name: string) => {
    const v = getMember(s, name)
    return v === undefined ? undefined : str(`content.${name}`, v)
  }
  const categories = getMember(s, 'categories')
  const keywords = opt('mt_keywords')
  return {
    title: opt('title'),
    content: opt('description'),
    excerpt: opt('mt_excerpt'),
    slug: opt('wp_slug'),
    status: opt('post_status'),
    categories:
      categories === undefined
        ? undefined
        : array('content.categories', categories).map((c, i) => str(`content.categories[${i}]`, c)),
    tags:
      keywords === undefined
        ? undefined
        : keywords
            .split(',')
            .map((k) => k.trim())
            .filter((k) => k !== ''),
    date: readDate(s),
    password: opt('wp_password'),
    sticky: readSticky(getMember(s, 'sticky')),
  }
}

// WordPress takes any truthy value (wp_validate_boolean); the sandbox takes a boolean or 0/1.
function readSticky(v: XmlRpcValue | undefined): boolean | undefined {
  if (v === undefined) return undefined
  if (typeof v === 'boolean') return v
  if (v === 0 || v === 1) return v === 1
  throw new XmlRpcFault(SandboxFault.invalidParams, 'content.sticky must be a boolean.')
}

// date_created_gmt is UTC by definition; a bare dateCreated is the sandbox's wall clock, UTC too,
// unless the sender wrote a zone.
function readDate(s: XmlRpcStruct): Date | undefined {
  for (const name of ['date_created_gmt', 'dateCreated']) {
    const v = getMember(s, name)
    if (v === undefined) continue
    if (!(v instanceof XmlRpcDateTime))
      throw new XmlRpcFault(SandboxFault.invalidParams, `content.${name} must be a dateTime.iso8601, not ${typeof v}.`)
    if (v.year === 0) continue
    return serverTimeToDate(v, 'UTC')
  }
  return undefined
}

/** `publish` is a boolean here (WordPress takes anything truthy; a client sending 1 is told). */
export function publishFlag(v: XmlRpcValue | undefined): boolean {
  if (typeof v !== 'boolean') throw new XmlRpcFault(SandboxFault.invalidParams, 'publish must be a boolean.')
  return v
}

const ASKABLE: readonly string[] = ['draft', 'pending', 'private', 'publish']

/** WordPress's rules: post_status if it is one of four, else `publish`; a future publish is 'future'. */
export function statusFor(asked: string | undefined, publish: boolean, date: Date, now: Date): BlogPostStatus {
  const status = (
    asked !== undefined && ASKABLE.includes(asked) ? asked : publish ? 'publish' : 'draft'
  ) as BlogPostStatus
  return status === 'publish' && date.getTime() > now.getTime() ? 'future' : status
}

/** Like an author without unfiltered_html on WordPress: scripts are taken out of what is stored. */
export const filterContent = (html: string): string =>
  html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '').replace(/<script\b[^>]*>/gi, '')

export function sanitizeSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 180)
}

/** A slug no other live post of the blog has: WordPress appends -2, -3… */
export function uniqueSlug(wanted: string, taken: (slug: string) => boolean): string {
  const base = wanted || 'post'
  if (!taken(base)) return base
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`
}

/** Category names → the blog's ids; names it lacks are dropped, like WordPress; none → Uncategorized. */
export function categoryIds(blog: Blog, names: string[]): number[] {
  const ids = names.flatMap((n) =>
    blog.categories.filter((c) => c.name.toLowerCase() === n.trim().toLowerCase()).map((c) => c.id),
  )
  return ids.length > 0 ? [...new Set(ids)] : [blog.categories[0].id]
}

export const isLive = (p: BlogPost): boolean => p.status !== 'trash'
