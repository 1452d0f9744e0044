import type { Input } from '../../../../shared/api'
import type { Draft, DraftSummary } from '../../../../shared/model'
import type { AppContext } from '../../core/context'
import { announce } from '../draft-saved'
import { failWith } from '../../core/failure'
import { renderBody } from '../render-body'

export async function listDrafts(ctx: AppContext, query: Input<'drafts.list'>): Promise<DraftSummary[]> {
  return query ? ctx.drafts.list(query) : ctx.drafts.list()
}

export async function draftOf(ctx: AppContext, id: string): Promise<Draft> {
  return (await ctx.drafts.get(id)) ?? failWith('not-found', `There is no draft with id ${id}.`)
}

export const getDraft = (ctx: AppContext, { id }: Input<'drafts.get'>): Promise<Draft> => draftOf(ctx, id)

/**
 * Durable: resolves only once the draft is on disk, then tells every window. The store checks what
 * the post fields mean (a comma in a tag, a date that does not exist); a null account is no account.
 */
export async function saveDraft(ctx: AppContext, input: Input<'drafts.save'>): Promise<Draft> {
  const { accountId, ...draft } = input
  return announce(ctx, await ctx.drafts.save(accountId === null ? draft : { ...draft, accountId }))
}

/** The body as publishing sends it, for the preview. */
export async function renderDraft(
  _ctx: AppContext,
  { format, body }: Input<'drafts.render'>,
): Promise<{ html: string }> {
  return { html: renderBody(format, body) }
}
