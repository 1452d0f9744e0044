import { struct, type XmlRpcStruct } from '../../xmlrpc/values'
import { wireDateTime, zonedToDate, type ZonedTime } from './zoned-time'

/** WordPress's post_status values; other engines ignore the member and go by `publish`. */
export type PostStatus = 'publish' | 'draft' | 'pending' | 'private' | 'future' | (string & {})

/** A post to send. Absent members are not sent, so editPost leaves them as they are on the server. */
export interface BlogPostInput {
  title: string
  /** The body, as HTML. */
  description: string
  /** Category names; WordPress ignores names it does not have (getCategories lists them). */
  categories?: string[]
  /** Tags, sent as mt_keywords (comma-separated); [] clears them on edit. */
  keywords?: string[]
  excerpt?: string
  slug?: string
  status?: PostStatus
  /** WordPress: sticky on the front page. Only Editors and Administrators may send it at all. */
  sticky?: boolean
  /** WordPress: the password readers must give ('' takes it away). */
  password?: string
  /** The publication date, with its zone; in the future it schedules the post. */
  date?: ZonedTime
}

/**
 * The MetaWeblog post struct, in RSS item names plus the Movable Type and WordPress extensions.
 * A date goes twice: date_created_gmt (UTC, which WordPress prefers and cannot misread) and
 * dateCreated in the server's own wall clock for engines that know only that one.
 */
export function postStruct(post: BlogPostInput, serverZone = 'UTC'): XmlRpcStruct {
  const s = struct({ title: post.title, description: post.description })
  if (post.categories) s.categories = [...post.categories]
  if (post.keywords)
    s.mt_keywords = post.keywords
      .map((k) => k.trim())
      .filter((k) => k !== '')
      .join(',')
  if (post.excerpt !== undefined) s.mt_excerpt = post.excerpt
  if (post.slug !== undefined) s.wp_slug = post.slug
  if (post.status !== undefined) s.post_status = post.status
  // WordPress's metaWeblog.newPost/editPost read these two (wp_password → post_password).
  if (post.sticky !== undefined) s.sticky = post.sticky
  if (post.password !== undefined) s.wp_password = post.password
  if (post.date) {
    const at = zonedToDate(post.date)
    s.dateCreated = wireDateTime(at, serverZone)
    s.date_created_gmt = wireDateTime(at, 'UTC')
  }
  return s
}
