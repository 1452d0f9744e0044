import type { Input } from '../../../../shared/api'
import type { Draft } from '../../../../shared/model'
import { editMessage } from '../../../protocols/discussion'
import { discussionOf } from '../../accounts/account-login'
import type { AppContext } from '../../core/context'
import { failWith } from '../../core/failure'
import { serverCall } from '../../accounts/server-call'
import { structToJson } from '../../inspector/xmlrpc-json'
import { announce } from '../draft-saved'
import { draftOf } from './drafts'

/** The local draft already holding this message, if any: opening it twice must not fork the text. */
async function alreadyOpen(ctx: AppContext, accountId: string, msgnum: string | number): Promise<Draft | undefined> {
  for (const s of await ctx.drafts.list({ accountId, kind: 'message' })) {
    const d = await ctx.drafts.get(s.id).catch(() => undefined)
    if (d?.base?.msgnum !== undefined && String(d.base.msgnum) === String(msgnum)) return d
  }
  return undefined
}

/**
 * editMessage → a local draft keeping the server copy as its base (title, body, every member), in
 * one durable write. A message already open as a draft answers that draft: local edits are never
 * replaced by a second fetch (publishing compares with the server anyway).
 */
export async function openFromServer(ctx: AppContext, input: Input<'drafts.openFromServer'>): Promise<Draft> {
  const { msgnum } = input
  const account = ctx.account(input.accountId)
  const dg = await discussionOf(ctx, account, 'Opening a message from the server')
  const open = await alreadyOpen(ctx, account.id, msgnum)
  if (open) return open
  const copy = await serverCall(account, 'mainResponder.discuss.editMessage', () => editMessage(dg, msgnum))
  const base = {
    msgnum,
    title: copy.title,
    body: copy.body,
    fetchedAt: new Date().toISOString(),
    members: structToJson(copy.members),
  }
  // Servers keep HTML: the draft is HTML, so publishing sends the text exactly as edited.
  const draft = await ctx.drafts.save(
    { kind: 'message', format: 'html', title: copy.title, body: copy.body, accountId: account.id },
    { base },
  )
  return announce(ctx, draft)
}

/**
 * Ends a conflict. In every case the base becomes the server's copy, so the next publish
 * overwrites it knowingly: 'mine' keeps the draft's text, 'theirs' takes the server's, 'merged'
 * takes the text given. Jobs stopped by this conflict are cancelled: publish again to send.
 */
export async function resolveConflict(ctx: AppContext, input: Input<'drafts.resolveConflict'>): Promise<Draft> {
  const { draftId, choice } = input
  // The schema refuses a merge without both its title and body.
  const merged = choice === 'merged' ? { title: input.title!, body: input.body! } : undefined
  const current = await draftOf(ctx, draftId)
  if (!current.conflict) return failWith('invalid-input', 'This draft has no conflict to resolve: publish it as it is.')
  const saved = await ctx.drafts.amend(draftId, (d) => {
    const c = d.conflict ?? failWith('invalid-input', 'This draft has no conflict to resolve: publish it as it is.')
    const base = {
      ...(d.base ?? {}),
      title: c.theirs.title,
      body: c.theirs.body,
      fetchedAt: c.detectedAt,
      ...(c.theirs.post ? { post: c.theirs.post } : {}),
    }
    const text =
      choice === 'theirs' ? { title: c.theirs.title, body: c.theirs.body, format: 'html' as const } : (merged ?? {})
    // A weblog post's other fields: "theirs" takes the blog's categories, tags, excerpt and slug too.
    const p = choice === 'theirs' ? c.theirs.post : undefined
    const postFields = p
      ? { postFields: { categories: p.categories, tags: p.keywords, excerpt: p.excerpt, slug: p.slug } }
      : {}
    return { ...text, ...postFields, base, conflict: null }
  })
  await cancelConflicted(ctx, draftId)
  return announce(ctx, saved)
}

async function cancelConflicted(ctx: AppContext, draftId: string): Promise<void> {
  if (!ctx.publisher.isRunning) return // another process runs the queue; its job stays for the person
  const stuck = ctx.jobs
    .list()
    .filter((j) => j.draftId === draftId && j.state === 'needs-attention' && j.error?.kind === 'conflict')
  for (const j of stuck) await ctx.publisher.act(j.id, 'cancel').catch(() => {})
}
