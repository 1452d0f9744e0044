import { appError } from '../../../shared/errors'
import type { Job } from '../../../shared/model'
import { editMessage, type DiscussionLogin } from '../../protocols/discussion'
import type { Outcome } from '../../queue/outcome'
import type { PerformerDeps } from '../core/performer-deps'
import { sameText } from './same-text'

const same = (a: { title: string; body: string }, b: { title: string; body: string }) =>
  sameText(a.title, b.title) && sameText(a.body, b.body)

/**
 * Before saveMessage overwrites a message opened from the server: fetch the server copy again; if
 * it changed since the draft's base (and is not this job's own text — a retry after our save whose
 * answer was lost), record their copy on the draft as a conflict and stop for the person, who
 * chooses mine, theirs or a merge. Undefined: go ahead. (A change between this look and the save
 * is not caught; the protocol offers no conditional save.)
 */
export async function conflictBeforeSave(
  deps: PerformerDeps,
  dg: DiscussionLogin,
  job: Job,
  signal: AbortSignal,
): Promise<Extract<Outcome, { kind: 'attention' }> | undefined> {
  const m = job.message!
  const draft = await deps.draft(job.draftId)
  const base = draft?.base
  if (
    !draft ||
    !base ||
    draft.accountId !== job.accountId ||
    base.msgnum === undefined ||
    String(base.msgnum) !== String(m.msgnum)
  )
    return undefined
  const theirs = await editMessage(dg, m.msgnum!, { signal })
  if (same(theirs, base) || same(theirs, m)) return undefined
  const conflict = { detectedAt: deps.now().toISOString(), theirs: { title: theirs.title, body: theirs.body } }
  // Nothing is overwritten either way; without the record the person still sees the job's reason.
  await deps.amendDraft?.(draft.id, { conflict }).catch(() => {})
  return {
    kind: 'attention',
    error: appError(
      'conflict',
      `“${theirs.title}” changed on the server since you opened it. Nothing was saved: compare the versions, choose, then publish again.`,
      { msgnum: m.msgnum!, draftId: draft.id },
    ),
  }
}

/** After a save or post, the server copy is the draft's base: the next edit is compared against it. */
export async function rebase(
  deps: PerformerDeps,
  dg: DiscussionLogin,
  job: Job,
  msgnum: string | number,
): Promise<void> {
  const m = job.message!
  try {
    const draft = await deps.draft(job.draftId)
    // the base belongs to the draft's own account
    if (!deps.amendDraft || !draft || draft.accountId !== job.accountId) return
    // Fetched, not assumed: servers rewrite what they store (Frontier neuters tags).
    const copy = await editMessage(dg, msgnum).catch(() => ({ title: m.title, body: m.body }))
    await deps.amendDraft(job.draftId, {
      base: { msgnum, title: copy.title, body: copy.body, fetchedAt: deps.now().toISOString() },
      // A reply sent without a title is named by the server ("Re: …"): the draft shows that name.
      ...(draft.title.trim() === '' && copy.title.trim() !== '' ? { title: copy.title } : {}),
    })
  } catch {
    // The server has the text and the job says so; a stale base only means one more look next time.
  }
}
