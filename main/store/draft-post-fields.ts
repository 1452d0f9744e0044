import type { Draft, DraftInput, PostFields, ZonedTime } from '../../shared/model'
import { isServerTimeZone } from '../../shared/server-profile'
import { invalidInput } from './store-error'

/** The weblog fields a save may carry; postDate null takes the date away. */
export type PostFieldsInput = Pick<
  DraftInput,
  'categories' | 'tags' | 'excerpt' | 'slug' | 'postDate' | 'postStatus' | 'sticky' | 'postPassword'
>

const MAX_NAMES = 500
const STATUSES: readonly string[] = ['publish', 'draft', 'pending', 'private']
const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

/**
 * Checks the weblog fields of a save and keeps only those given. Refused here, before any
 * network call: a tag with a comma (mt_keywords is one comma-separated string, so it would arrive
 * as two tags), a date without a zone or one that does not exist (a scheduled post that lands
 * hours off is the classic blog-client bug).
 */
export function postFieldsOf(o: Record<string, unknown>): PostFieldsInput {
  const out: PostFieldsInput = {}
  if (o.categories !== undefined) out.categories = names(o.categories, 'categories')
  if (o.tags !== undefined) {
    out.tags = names(o.tags, 'tags')
    const comma = out.tags.find((t) => t.includes(','))
    if (comma)
      throw invalidInput(
        `The tag “${comma}” has a comma: blogs receive tags as one comma-separated list, so it would become two. Split it, or drop the comma.`,
      )
  }
  if (o.excerpt !== undefined) out.excerpt = text(o.excerpt, 'excerpt', 10_000)
  if (o.slug !== undefined) out.slug = text(o.slug, 'slug', 200).trim()
  if (o.postDate === null) out.postDate = null
  else if (o.postDate !== undefined) out.postDate = zoned(o.postDate)
  if (o.postStatus !== undefined) {
    if (!STATUSES.includes(o.postStatus as string))
      throw invalidInput(`"postStatus" must be one of ${STATUSES.join(', ')}.`)
    out.postStatus = o.postStatus as PostFieldsInput['postStatus']
  }
  if (o.sticky !== undefined) {
    if (typeof o.sticky !== 'boolean') throw invalidInput('"sticky" must be true or false.')
    out.sticky = o.sticky
  }
  if (o.postPassword !== undefined) out.postPassword = text(o.postPassword, 'postPassword', 255)
  return out
}

/** Sets the given fields on a draft being saved (a field not given keeps its stored value). */
export function applyPostFields(draft: Draft, fields: PostFieldsInput): Draft {
  const next: Draft & PostFields = draft
  if (fields.categories !== undefined) next.categories = [...fields.categories]
  if (fields.tags !== undefined) next.tags = [...fields.tags]
  if (fields.excerpt !== undefined) next.excerpt = fields.excerpt
  if (fields.slug !== undefined) next.slug = fields.slug
  if (fields.postDate === null) delete next.postDate
  else if (fields.postDate !== undefined) next.postDate = { wall: fields.postDate.wall, zone: fields.postDate.zone }
  if (fields.postStatus !== undefined) next.postStatus = fields.postStatus
  if (fields.sticky !== undefined) next.sticky = fields.sticky
  if (fields.postPassword !== undefined) next.postPassword = fields.postPassword
  return next
}

function text(v: unknown, key: string, max: number): string {
  if (typeof v !== 'string') throw invalidInput(`"${key}" must be a string.`)
  if (v.length > max) throw invalidInput(`"${key}" is longer than ${max} characters.`)
  return v
}

// Trimmed, empty ones dropped, each once (the server would merge duplicates anyway).
function names(v: unknown, key: string): string[] {
  if (!Array.isArray(v) || v.length > MAX_NAMES)
    throw invalidInput(`"${key}" must be a list of at most ${MAX_NAMES} names.`)
  const out: string[] = []
  for (const item of v) {
    const name = text(item, key, 200).trim()
    if (name !== '' && !out.includes(name)) out.push(name)
  }
  return out
}

function zoned(v: unknown): ZonedTime {
  const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>
  const wall = typeof o.wall === 'string' ? o.wall.trim() : ''
  const zone = typeof o.zone === 'string' ? o.zone.trim() : ''
  const m = WALL.exec(wall)
  if (!m) throw invalidInput(`The post date “${wall}” is not a date and time (YYYY-MM-DDTHH:MM).`)
  if (zone === '' || !isServerTimeZone(zone))
    throw invalidInput(
      `The post date needs its time zone: “${zone}” is not one (an IANA name such as Europe/Paris, UTC, or an offset such as +02:00).`,
    )
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0))
  const probe = new Date(Date.UTC(y, mo - 1, d, h, mi, s))
  if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    throw invalidInput(`The post date “${wall}” does not exist.`)
  return { wall, zone }
}
