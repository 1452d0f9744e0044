import type { DraftFormat, DraftInput, DraftKind, PublishRecord } from '../../shared/model'
import { postFieldsOf } from './draft-post-fields'
import { invalidInput } from './store-error'

export const draftKinds: readonly DraftKind[] = ['message', 'page', 'post']
export const draftFormats: readonly DraftFormat[] = ['html', 'markdown', 'text']

/** Ids become file names: letters, digits, '-' and '_' only, so no id can reach outside drafts/. */
export const isDraftId = (id: unknown): id is string => typeof id === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(id)

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const optString = (v: unknown): boolean => v === undefined || typeof v === 'string'

/**
 * Checks a save request and keeps only the fields a caller may set: a renderer that sends back
 * a whole Draft must not be able to rewrite its revision, dates or publish history.
 */
export function validateDraftInput(input: unknown): DraftInput {
  if (!isObj(input)) throw invalidInput('The draft must be an object.')
  const { id, kind, format, title, body, accountId, relativePath, mimeType, inResponseTo } = input
  if (!draftKinds.includes(kind as DraftKind)) throw invalidInput(`"kind" must be one of ${draftKinds.join(', ')}.`)
  if (!draftFormats.includes(format as DraftFormat))
    throw invalidInput(`"format" must be one of ${draftFormats.join(', ')}.`)
  if (typeof title !== 'string') throw invalidInput('"title" must be a string.')
  if (typeof body !== 'string') throw invalidInput('"body" must be a string.')
  if (id !== undefined && !isDraftId(id))
    throw invalidInput('"id" may only hold letters, digits, "-" and "_" (at most 100).')
  if (accountId !== undefined && accountId !== null && typeof accountId !== 'string')
    throw invalidInput('"accountId" must be a string or null.')
  if (!optString(relativePath)) throw invalidInput('"relativePath" must be a string.')
  if (!optString(mimeType)) throw invalidInput('"mimeType" must be a string.')
  if (
    inResponseTo !== undefined &&
    typeof inResponseTo !== 'string' &&
    !(typeof inResponseTo === 'number' && Number.isSafeInteger(inResponseTo))
  ) {
    throw invalidInput(
      '"inResponseTo" must be the parent\'s msgnum as the server gave it (a string or an integer), or 0 for a new thread.',
    )
  }
  const out: DraftInput = { kind: kind as DraftKind, format: format as DraftFormat, title, body }
  if (id !== undefined) out.id = id
  if (accountId !== undefined) out.accountId = accountId as string | null
  if (relativePath !== undefined) out.relativePath = relativePath as string
  if (mimeType !== undefined) out.mimeType = mimeType as string
  if (inResponseTo !== undefined) out.inResponseTo = inResponseTo as string | number
  return { ...out, ...postFieldsOf(input) }
}

export function validatePublishRecord(record: unknown): PublishRecord {
  const problem = publishRecordProblem(record)
  if (problem) throw invalidInput(`The publish record ${problem}.`)
  return record as PublishRecord
}

function publishRecordProblem(r: unknown): string | null {
  if (!isObj(r)) return 'is not an object'
  if (typeof r.at !== 'string' || typeof r.jobId !== 'string' || typeof r.accountId !== 'string')
    return 'needs "at", "jobId" and "accountId" strings'
  if (!optString(r.url)) return 'has a "url" that is not a string'
  if (r.msgnum !== undefined && typeof r.msgnum !== 'string' && typeof r.msgnum !== 'number')
    return 'has a "msgnum" that is neither string nor number'
  if (r.members !== undefined && !isObj(r.members)) return 'has "members" that are not an object'
  return null
}

/** Why a parsed file is not the draft `id`, or null when it is one. Anything off is corrupt. */
export function draftProblem(v: unknown, id: string): string | null {
  if (!isObj(v)) return 'not a JSON object'
  if (v.id !== id) return `its id is not "${id}"`
  if (!draftKinds.includes(v.kind as DraftKind)) return 'unknown kind'
  if (!draftFormats.includes(v.format as DraftFormat)) return 'unknown format'
  if (typeof v.title !== 'string' || typeof v.body !== 'string') return 'title or body is not a string'
  if (v.accountId !== null && typeof v.accountId !== 'string') return 'accountId is not a string or null'
  if (!optString(v.relativePath) || !optString(v.mimeType)) return 'relativePath or mimeType is not a string'
  if (typeof v.createdAt !== 'string' || typeof v.updatedAt !== 'string') return 'missing dates'
  if (!Number.isSafeInteger(v.revision) || (v.revision as number) < 1) return 'revision is not a positive integer'
  if (!Array.isArray(v.published)) return 'published is not a list'
  const bad = v.published.map(publishRecordProblem).find((p) => p !== null)
  return bad ? `a publish record ${bad}` : null
}
