import type { Input } from '../../../../shared/api'
import type { Account, Draft, Job } from '../../../../shared/model'
import { newJob } from '../../../queue/new-job'
import type { AppContext } from '../../core/context'
import { renderBody } from '../../drafts/render-body'
import { failWith } from '../../core/failure'
import { enqueueOnce } from '../enqueue-once'
import { checkNewCategories } from '../../blog/channels/publish-categories'
import { blogPostJob, cancelRefusedPublish } from '../../blog/channels/publish-post'
import { publishToWeblog } from '../../weblog/channels/weblog'

/** Queues a publish of the draft as last saved; the publisher does the network part. */
export async function publishDraft(ctx: AppContext, input: Input<'publish.draft'>): Promise<Job> {
  const { draftId } = input
  const draft = (await ctx.drafts.get(draftId)) ?? failWith('not-found', `There is no draft with id ${draftId}.`)
  const accountId = input.accountId ?? draft.accountId
  if (!accountId) return failWith('invalid-input', 'Pick an account to publish to.')
  const account = ctx.account(accountId)
  if (draft.kind === 'page' && account.kind === 'webhost') return ctx.publisher.enqueue(pageJob(draft, account))
  if (draft.kind === 'message' && account.kind === 'discussion')
    return enqueueOnce(ctx, draft, account, () => messageJob(ctx, draft, account, input.inResponseTo))
  if (draft.kind === 'post' && account.kind === 'blog') {
    await checkNewCategories(ctx, draft, account, input.dropMissingCategories === true)
    if (input.submitForReview) await cancelRefusedPublish(ctx, draft, account)
    return enqueueOnce(ctx, draft, account, () =>
      blogPostJob(ctx, draft, account, { submitForReview: input.submitForReview === true }),
    )
  }
  // A community account's weblog is rendered here and upstreamed whole: the post joins it, a site sync follows.
  if (draft.kind === 'post' && account.kind === 'community') return publishToWeblog(ctx, draft, account)
  return failWith(
    'unsupported',
    `Publishing a ${draft.kind} to a ${account.kind} account is not supported yet; publish pages to a web host, messages to a discussion group and posts to a blog or a community weblog.`,
  )
}

function pageJob(draft: Draft, account: Account): Job {
  const path = draft.relativePath?.trim()
  if (!path)
    return failWith('invalid-input', 'Give the page a path (for example "notes/hello.html") before publishing.')
  return newJob({
    action: 'webhost.put',
    draftId: draft.id,
    accountId: account.id,
    label: `Publish ${path} to ${account.name}`,
    files: [path],
    note: `revision ${draft.revision}`,
  })
}

/**
 * A message not yet on the server → newMessage (at most once); one already posted, or opened from
 * the server (its base) → saveMessage of that msgnum. A second newMessage for a draft whose first is
 * still in the queue is refused: two clicks on Publish must never mean two posts.
 */
function messageJob(ctx: AppContext, draft: Draft, account: Account, parent: string | number | undefined): Job {
  const jobs = ctx.jobs
    .list()
    .filter((j) => j.draftId === draft.id && j.accountId === account.id && j.action === 'discuss.newMessage')
  const pending = jobs.find((j) => j.state !== 'done' && j.state !== 'cancelled')
  if (pending)
    return failWith(
      'conflict',
      `This message is already in the queue (${pending.state}). Wait until it is posted — publishing again then saves your edits to it — or cancel it first.`,
      { jobId: pending.id },
    )
  if (draft.conflict)
    return failWith(
      'conflict',
      'This message changed on the server since you opened it. Resolve the conflict (mine, theirs or merged) before publishing.',
    )
  const own = draft.accountId === account.id ? draft.base?.msgnum : undefined
  const posted =
    own ??
    draft.published.find((p) => p.accountId === account.id && p.msgnum !== undefined)?.msgnum ??
    jobs.find((j) => j.result?.msgnum !== undefined)?.result?.msgnum
  // What the group receives is the rendered body (Markdown → HTML), the same the preview shows.
  const text = { title: draft.title, body: renderBody(draft.format, draft.body) }
  const base = { draftId: draft.id, accountId: account.id, note: `revision ${draft.revision}` }
  const enclosures = (draft.enclosures ?? []).map((e) => e.name)
  if (posted !== undefined) {
    // Enclosures already attached to this message by an earlier job are not attached twice.
    const attached = new Set(
      ctx.jobs
        .list()
        .filter((j) => j.draftId === draft.id && j.accountId === account.id && j.state === 'done')
        .flatMap((j) => (j.files ?? []).filter((f) => f.status === 'sent').map((f) => f.path)),
    )
    const files = enclosures.filter((n) => !attached.has(n))
    return newJob({
      ...base,
      action: 'discuss.saveMessage',
      label: `Save “${draft.title}” (msgnum ${posted}) in ${account.name}`,
      message: { ...text, inResponseTo: 0, msgnum: posted },
      ...(files.length ? { files } : {}),
    })
  }
  // The parent's msgnum exactly as the server gave it (int or string), or 0 for a new thread.
  const inResponseTo = parent ?? draft.inResponseTo ?? 0
  if (inResponseTo === 0 && draft.title.trim() === '')
    return failWith('invalid-input', 'A new thread needs a title (only replies may leave it empty).', {
      field: 'title',
    })
  const what = inResponseTo === 0 ? `Post “${draft.title}”` : `Reply “${draft.title || 'Re:'}” to ${inResponseTo}`
  return newJob({
    ...base,
    action: 'discuss.newMessage',
    label: `${what} to ${account.name}`,
    message: { ...text, inResponseTo },
    ...(enclosures.length ? { files: enclosures } : {}),
  })
}
