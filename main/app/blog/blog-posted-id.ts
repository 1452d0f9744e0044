import type { Account, Draft, Job } from '../../../shared/model'

/**
 * The post a draft stands for on this blog account, exactly as the server gave its id, or
 * undefined when it is not (or no longer) on the server: the post it was opened from, else the
 * last post a publish of it made there, else a newPost job's result. A deletion (recorded with
 * `deleted`) ends it, so publishing again makes a new post.
 */
export function postedIdOf(draft: Draft, account: Account, jobs: readonly Job[]): string | number | undefined {
  if (draft.accountId === account.id && draft.base?.post) return draft.base.post.wireId
  const mine = (j: Job) => j.draftId === draft.id && j.accountId === account.id && j.state === 'done'
  const records = draft.published.filter((p) => p.accountId === account.id && p.msgnum !== undefined)
  const last = records[records.length - 1]
  if (last) return last.members?.deleted === true ? undefined : last.msgnum
  // The draft's own record can fail to be written (it is a convenience); the job's result cannot.
  const done = jobs
    .filter((j) => mine(j) && (j.action === 'blog.newPost' || j.action === 'blog.deletePost'))
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))
  const latest = done[done.length - 1]
  return latest?.action === 'blog.newPost' ? latest.result?.msgnum : undefined
}
