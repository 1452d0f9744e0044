import type { Draft, DraftInput, DraftSummary } from '../../../shared/model'
import type { AppContext } from '../context'
import { failWith } from '../failure'
import { object, oneOf, string } from '../validate'

const kinds = ['message', 'page', 'post'] as const
const formats = ['html', 'markdown', 'text'] as const

export const listDrafts = (ctx: AppContext): Promise<DraftSummary[]> => ctx.drafts.list()

export async function getDraft(ctx: AppContext, input: unknown): Promise<Draft> {
  const id = string(object(input), 'id', { max: 200 })
  return (await ctx.drafts.get(id)) ?? failWith('not-found', `There is no draft with id ${id}.`)
}

/** Durable: resolves only once the draft is on disk, then tells every window. */
export async function saveDraft(ctx: AppContext, input: unknown): Promise<Draft> {
  const o = object(input, 'The draft')
  const draft: DraftInput = {
    kind: oneOf(o, 'kind', kinds),
    format: oneOf(o, 'format', formats),
    title: string(o, 'title', { max: 1_000 }),
    body: string(o, 'body'),
  }
  if (o.id !== undefined) draft.id = string(o, 'id', { max: 200 })
  if (o.accountId !== undefined && o.accountId !== null) draft.accountId = string(o, 'accountId', { max: 200 })
  if (o.relativePath !== undefined) draft.relativePath = string(o, 'relativePath', { max: 1_024 })
  if (o.mimeType !== undefined) draft.mimeType = string(o, 'mimeType', { max: 200 })
  const saved = await ctx.drafts.save(draft)
  ctx.events.emit('draft.saved', { id: saved.id, revision: saved.revision, updatedAt: saved.updatedAt })
  return saved
}
