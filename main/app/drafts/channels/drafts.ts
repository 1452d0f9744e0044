import type { Draft, DraftInput, DraftQuery, DraftSummary } from '../../../../shared/model'
import { postFieldsOf } from '../../../store/draft-post-fields'
import type { AppContext } from '../../core/context'
import { announce } from '../draft-saved'
import { failWith } from '../../core/failure'
import { isMsgnum } from '../../discussion/msgnum-input'
import { renderBody } from '../render-body'
import { object, oneOf, string } from '../../core/validate'

const kinds = ['message', 'page', 'post'] as const
const formats = ['html', 'markdown', 'text'] as const

export async function listDrafts(ctx: AppContext, input: unknown): Promise<DraftSummary[]> {
  if (input === undefined || input === null) return ctx.drafts.list()
  const o = object(input, 'The search')
  const query: DraftQuery = {}
  if (o.text !== undefined) query.text = string(o, 'text', { max: 1_000 })
  if (o.accountId !== undefined) query.accountId = string(o, 'accountId', { max: 200 })
  if (o.kind !== undefined) query.kind = oneOf(o, 'kind', kinds)
  return ctx.drafts.list(query)
}

export async function draftOf(ctx: AppContext, id: string): Promise<Draft> {
  return (await ctx.drafts.get(id)) ?? failWith('not-found', `There is no draft with id ${id}.`)
}

export const getDraft = (ctx: AppContext, input: unknown): Promise<Draft> =>
  draftOf(ctx, string(object(input), 'id', { max: 200 }))

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
  if (o.inResponseTo !== undefined) {
    if (o.inResponseTo !== 0 && !isMsgnum(o.inResponseTo))
      return failWith(
        'invalid-input',
        '"inResponseTo" must be the parent message\'s msgnum as the server gave it, or 0 for a new thread.',
        { field: 'inResponseTo' },
      )
    draft.inResponseTo = o.inResponseTo
  }
  // Weblog posts: categories, tags, excerpt, slug, date and zone, publish or draft.
  Object.assign(draft, postFieldsOf(o))
  return announce(ctx, await ctx.drafts.save(draft))
}

/** The body as publishing sends it, for the preview. */
export async function renderDraft(_ctx: AppContext, input: unknown): Promise<{ html: string }> {
  const o = object(input)
  return { html: renderBody(oneOf(o, 'format', formats), string(o, 'body')) }
}
