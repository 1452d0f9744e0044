import { randomUUID } from 'node:crypto'
import type { Job } from '../../../shared/model'
import type { AppContext } from '../context'
import { failWith } from '../failure'
import { object, string } from '../validate'

/** Queues a publish of the draft as last saved; the publisher does the network part. */
export async function publishDraft(ctx: AppContext, input: unknown): Promise<Job> {
  const o = object(input)
  const draftId = string(o, 'draftId', { max: 200 })
  const draft = (await ctx.drafts.get(draftId)) ?? failWith('not-found', `There is no draft with id ${draftId}.`)
  const accountId = (o.accountId === undefined ? undefined : string(o, 'accountId', { max: 200 })) ?? draft.accountId
  if (!accountId) return failWith('invalid-input', 'Pick an account to publish to.')
  const account = ctx.account(accountId)
  if (draft.kind !== 'page' || account.kind !== 'webhost') {
    return failWith('unsupported', `Publishing a ${draft.kind} to a ${account.kind} account is not supported yet; publish pages to a web-host account.`)
  }
  if (!draft.relativePath?.trim()) return failWith('invalid-input', 'Give the page a path (for example "notes/hello.html") before publishing.')
  const at = new Date().toISOString()
  const job: Job = {
    id: randomUUID(),
    action: 'webhost.put',
    draftId,
    accountId,
    label: `Publish ${draft.relativePath} to ${account.name}`,
    state: 'queued',
    attempts: 0,
    createdAt: at,
    updatedAt: at,
    history: [{ state: 'queued', at, note: `revision ${draft.revision}` }],
  }
  return ctx.publisher.enqueue(job)
}
