import { XmlRpcDateTime, type XmlRpcStruct } from '../../xmlrpc/values'
import type { ServerPost } from '../../../shared/model'
import { getMember } from '../../xmlrpc/get-member'
import { readDateTime, readString, readStringList } from '../read-members'
import { serverTimeToDate } from '../../xmlrpc/server-time'
import { postIdOf, type PostId } from './post-id'

/** How a post's date became an instant, so the UI can say which zone it trusted. */
export type DateSource = 'gmt' | 'sent-zone' | 'account-zone'

/** A post as the server has it, plain JSON: the same shape a draft keeps as its base. */
export type PostSnapshot = ServerPost

export interface FetchedPost extends PostSnapshot {
  /** Every member the server sent. */
  members: XmlRpcStruct
}

/** Reads a MetaWeblog post struct leniently; `zone` is the account's zone for a bare dateCreated. */
export function readPost(
  s: XmlRpcStruct,
  zone: string,
  method: string,
  url?: string,
  now: Date = new Date(),
): FetchedPost {
  const id: PostId = postIdOf(getMember(s, 'postid') ?? getMember(s, 'post_id'), method, url)
  const created = readDate(s, 'date_created_gmt', 'dateCreated', zone)
  const modified = readDate(s, 'date_modified_gmt', 'date_modified', zone)
  return {
    id: id.id,
    wireId: id.wire,
    title: readString(s, 'title') ?? '',
    description: joinMore(s),
    categories: readStringList(s, 'categories')?.filter((c) => c !== '') ?? [],
    keywords: splitKeywords(readString(s, 'mt_keywords') ?? ''),
    excerpt: readString(s, 'mt_excerpt') ?? '',
    slug: readString(s, 'wp_slug') ?? '',
    status: statusOf(readString(s, 'post_status'), created?.at, now),
    dateCreated: created?.at ?? null,
    dateSource: created?.source ?? null,
    dateModified: modified?.at ?? null,
    link: readString(s, 'permaLink') ?? readString(s, 'link') ?? null,
    members: s,
  }
}

// WordPress's getPost reports a scheduled post as "publish" (its database says "future"): the date tells.
function statusOf(status: string | undefined, at: string | undefined, now: Date): string | null {
  if (status === undefined) return null
  return status === 'publish' && at !== undefined && Date.parse(at) > now.getTime() ? 'future' : status
}

export const splitKeywords = (text: string): string[] =>
  text
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '')

// WordPress sends the text after <!--more--> as mt_text_more (and a custom link text as wp_more_text).
function joinMore(s: XmlRpcStruct): string {
  const main = readString(s, 'description') ?? ''
  const more = readString(s, 'mt_text_more') ?? ''
  if (more === '') return main
  const label = readString(s, 'wp_more_text') ?? ''
  return `${main}<!--more${label ? ` ${label}` : ''}-->${more}`
}

function readDate(
  s: XmlRpcStruct,
  gmtName: string,
  localName: string,
  zone: string,
): { at: string; source: DateSource } | undefined {
  const gmt = readDateTime(s, gmtName)
  if (gmt && !isZero(gmt)) return { at: serverTimeToDate(gmt, 'UTC').toISOString(), source: 'gmt' }
  const local = readDateTime(s, localName)
  if (!local || isZero(local)) return undefined
  return { at: serverTimeToDate(local, zone).toISOString(), source: local.zone ? 'sent-zone' : 'account-zone' }
}

// WordPress's "no date" (a draft never dated): 00000000T00:00:00Z.
const isZero = (d: XmlRpcDateTime): boolean => d.year === 0 && d.month === 0 && d.day === 0
