import type { Draft, DraftFormat, DraftInput, DraftKind, PublishRecord } from '../../../../shared/model'
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
  mimeType?: string
  revision: number
  published: PublishRecord[]
}

let counter = 0
const newKey = () => `local-${Date.now().toString(36)}-${counter++}`

export function newEditorDraft(accountId: string | null): EditorDraft {
  return { localKey: newKey(), kind: 'page', title: '', body: '', format: 'html', accountId, relativePath: '', pathAuto: true, revision: 0, published: [] }
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
    mimeType: d.mimeType,
    revision: d.revision,
    published: d.published,
  }
}

export function effectivePath(d: EditorDraft): string {
  return d.pathAuto || d.relativePath.trim() === '' ? defaultPath(d.title, d.format) : d.relativePath.trim()
}

export function toInput(d: EditorDraft): DraftInput {
  const input: DraftInput = { kind: d.kind, title: d.title, body: d.body, format: d.format, accountId: d.accountId }
  if (d.id) input.id = d.id
  if (d.kind === 'page') input.relativePath = effectivePath(d)
  if (d.mimeType) input.mimeType = d.mimeType
  return input
}
