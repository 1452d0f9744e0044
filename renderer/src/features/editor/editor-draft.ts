import type {
  Draft,
  DraftConflict,
  DraftFormat,
  DraftInput,
  DraftKind,
  Enclosure,
  PostFields,
  PublishRecord,
  ServerBase,
} from '../../../../shared/model'
import { defaultPath } from './default-path'

/** The draft as the editor holds it: the saved fields plus what only the editor cares about. */
export interface EditorDraft {
  /** Stable for the life of an editing session, even when a new draft gets its id on first save. */
  localKey: string
  id?: string
  kind: DraftKind
  title: string
  body: string
  format: DraftFormat
  accountId: string | null
  /** What the user typed; unused while `pathAuto`. */
  relativePath: string
  /** The path follows the title until the user types one (or the page went out under it). */
  pathAuto: boolean
  /** page: '' lets the core pick one from the path's extension. */
  mimeType: string
  /** message: the parent's msgnum exactly as received (int or string), or 0 for a new thread. */
  inResponseTo: string | number
  revision: number
  published: PublishRecord[]
  /** Read-only here: the core sets them (open from server, publish, attach). */
  base?: ServerBase
  conflict?: DraftConflict
  enclosures: Enclosure[]
  /** post: categories, tags, excerpt, slug, date and status (MetaWeblog's other members). */
  post: PostFields
}

let counter = 0
const newKey = () => `local-${Date.now().toString(36)}-${counter++}`

export function newEditorDraft(accountId: string | null, kind: DraftKind = 'page'): EditorDraft {
  return {
    localKey: newKey(),
    kind,
    title: '',
    body: '',
    format: 'html',
    accountId,
    relativePath: '',
    pathAuto: true,
    mimeType: '',
    inResponseTo: 0,
    revision: 0,
    published: [],
    enclosures: [],
    post: {},
  }
}

export function fromDraft(d: Draft): EditorDraft {
  const path = d.relativePath ?? ''
  const auto = path === '' || (d.published.length === 0 && path === defaultPath(d.title, d.format))
  return {
    localKey: newKey(),
    id: d.id,
    kind: d.kind,
    title: d.title,
    body: d.body,
    format: d.format,
    accountId: d.accountId,
    relativePath: auto ? '' : path,
    pathAuto: auto,
    mimeType: d.mimeType ?? '',
    inResponseTo: d.inResponseTo ?? 0,
    revision: d.revision,
    published: d.published,
    ...(d.base ? { base: d.base } : {}),
    ...(d.conflict ? { conflict: d.conflict } : {}),
    enclosures: d.enclosures ?? [],
    post: postFieldsOf(d),
  }
}

const postKeys = ['categories', 'tags', 'excerpt', 'slug', 'postDate', 'postStatus', 'sticky', 'postPassword'] as const

function postFieldsOf(d: PostFields): PostFields {
  const out: PostFields = {}
  for (const k of postKeys) if (d[k] !== undefined) (out as Record<string, unknown>)[k] = d[k]
  return out
}

/** What the core may change behind the editor's back, without touching the words being typed. */
export function serverFields(d: Draft): Partial<EditorDraft> {
  return {
    published: d.published,
    revision: d.revision,
    base: d.base,
    conflict: d.conflict,
    enclosures: d.enclosures ?? [],
  }
}

export function effectivePath(d: EditorDraft): string {
  return d.pathAuto || d.relativePath.trim() === '' ? defaultPath(d.title, d.format) : d.relativePath.trim()
}

/** The kind may change only while nothing ties the draft to a server yet. */
export const kindLocked = (d: EditorDraft): boolean => d.published.length > 0 || d.base !== undefined

export function toInput(d: EditorDraft): DraftInput {
  const input: DraftInput = { kind: d.kind, title: d.title, body: d.body, format: d.format, accountId: d.accountId }
  if (d.id) input.id = d.id
  if (d.kind === 'page') input.relativePath = effectivePath(d)
  if (d.kind === 'page' && d.mimeType.trim()) input.mimeType = d.mimeType.trim()
  if (d.kind === 'message') input.inResponseTo = d.inResponseTo
  if (d.kind === 'post') Object.assign(input, postFieldsOf(d.post), { postDate: d.post.postDate ?? null })
  return input
}

/**
 * "In reply to" as typed: empty means a new thread; text that still reads as the current value keeps
 * its type (an <int> msgnum set by Reply stays an int); other text goes to the core as typed, which
 * sends it with the type that server numbers with.
 */
export function replyTarget(text: string, current: string | number = 0): string | number {
  const t = text.trim()
  if (t === '' || t === '0') return 0
  return t === String(current) ? current : t
}

/** The msgnum a Reply answers: the message as opened from the server, or as this draft posted it there. */
export function replyParent(d: EditorDraft): string | number | undefined {
  if (d.kind !== 'message' || !d.accountId) return undefined
  if (d.base?.msgnum !== undefined) return d.base.msgnum
  return d.published.findLast((p) => p.accountId === d.accountId && p.msgnum !== undefined)?.msgnum
}
