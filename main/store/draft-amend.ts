import type { Draft, DraftConflict, DraftFormat, Enclosure, ServerBase } from '../../shared/model'
import { draftFormats } from './draft-shape'
import { applyPostFields, postFieldsOf, type PostFieldsInput } from './draft-post-fields'
import { isServerPost } from './server-post-shape'
import { invalidInput } from './store-error'

/**
 * Fields the app (not the editor) sets on a draft: the server copy it was opened from, a conflict
 * found on publish, its enclosures, and — when a conflict is resolved — the text. `null` removes.
 */
export interface DraftAmendment {
  title?: string
  body?: string
  format?: DraftFormat
  inResponseTo?: string | number
  base?: ServerBase | null
  conflict?: DraftConflict | null
  enclosures?: Enclosure[]
  /** Weblog posts: categories, tags… (taking theirs when a conflict is resolved). */
  postFields?: PostFieldsInput
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const isMsgnum = (v: unknown): boolean => typeof v === 'string' || (typeof v === 'number' && Number.isSafeInteger(v))

/** Enclosure files live in `drafts/<id>/`: a stored name must stay a plain file name there. */
export const isStoredName = (name: unknown): name is string =>
  typeof name === 'string' && /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/.test(name)

/** The draft with the amendment applied; refuses a malformed one before anything is written. */
export function applyAmendment(draft: Draft, a: DraftAmendment): Draft {
  const problem = amendmentProblem(a)
  if (problem) throw invalidInput(`The draft change ${problem}.`)
  const next: Draft = { ...draft }
  if (a.title !== undefined) next.title = a.title
  if (a.body !== undefined) next.body = a.body
  if (a.format !== undefined) next.format = a.format
  if (a.inResponseTo !== undefined) next.inResponseTo = a.inResponseTo
  if (a.postFields !== undefined) applyPostFields(next, postFieldsOf(a.postFields as Obj))
  if (a.enclosures !== undefined)
    next.enclosures = a.enclosures.map((e) => ({ name: e.name, type: e.type, size: e.size, storedAs: e.storedAs }))
  for (const key of ['base', 'conflict'] as const) {
    if (a[key] === null) delete next[key]
    else if (a[key] !== undefined) (next as unknown as Obj)[key] = structuredClone(a[key])
  }
  return next
}

function amendmentProblem(a: DraftAmendment): string | null {
  if (!isObj(a)) return 'is not an object'
  if ((a.title !== undefined && typeof a.title !== 'string') || (a.body !== undefined && typeof a.body !== 'string'))
    return 'has a title or body that is not a string'
  if (a.format !== undefined && !draftFormats.includes(a.format as DraftFormat))
    return `has an unknown format "${String(a.format)}"`
  if (a.inResponseTo !== undefined && !isMsgnum(a.inResponseTo))
    return 'has an inResponseTo that is neither a string nor an integer'
  if (a.base != null && !isBase(a.base))
    return 'has a base that is not {title, body, fetchedAt, msgnum?, members?, post?}'
  if (a.conflict != null && !isConflict(a.conflict))
    return 'has a conflict that is not {detectedAt, theirs: {title, body, post?}, changed?}'
  if (a.postFields !== undefined && !isObj(a.postFields)) return 'has postFields that are not an object'
  if (a.enclosures !== undefined) {
    if (!Array.isArray(a.enclosures)) return 'has enclosures that are not a list'
    const bad = a.enclosures.findIndex((e) => !isEnclosure(e))
    if (bad >= 0)
      return `has enclosure ${bad + 1} that is not {name, type, size, storedAs} with a plain stored file name`
    const names = a.enclosures.map((e) => e.name)
    if (new Set(names).size !== names.length) return 'has two enclosures with the same name'
  }
  return null
}

const isBase = (b: unknown): b is ServerBase =>
  isObj(b) &&
  typeof b.title === 'string' &&
  typeof b.body === 'string' &&
  typeof b.fetchedAt === 'string' &&
  (b.msgnum === undefined || isMsgnum(b.msgnum)) &&
  (b.members === undefined || isObj(b.members)) &&
  (b.post === undefined || isServerPost(b.post))

const isConflict = (c: unknown): c is DraftConflict =>
  isObj(c) &&
  typeof c.detectedAt === 'string' &&
  isObj(c.theirs) &&
  typeof c.theirs.title === 'string' &&
  typeof c.theirs.body === 'string' &&
  (c.theirs.post === undefined || isServerPost(c.theirs.post)) &&
  (c.changed === undefined || (Array.isArray(c.changed) && c.changed.every((f) => typeof f === 'string')))

const isEnclosure = (e: unknown): e is Enclosure =>
  isObj(e) &&
  typeof e.name === 'string' &&
  e.name.length > 0 &&
  typeof e.type === 'string' &&
  Number.isSafeInteger(e.size) &&
  (e.size as number) >= 0 &&
  isStoredName(e.storedAs)
