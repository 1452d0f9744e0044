import { readFile } from 'node:fs/promises'
import { appError, type AppError } from '../../../shared/errors'
import type { Account, Job } from '../../../shared/model'
import { attachEnclosure, type DiscussionLogin } from '../../protocols/discussion'
import { filesToSend, sendEachFile, type FileToSend } from '../../queue/job-files'
import { outcomeOf, type Outcome } from '../../queue/outcome'
import type { AttemptContext } from '../../queue/performer'
import { AppFailure } from '../core/failure'
import type { PerformerDeps } from '../core/performer-deps'
import { errorOf } from '../queue/error-of'
import { structToJson } from '../inspector/xmlrpc-json'

type Result = NonNullable<Job['result']>

/**
 * After the server took a message (newMessage or saveMessage answered): attach the job's
 * enclosures (job.files), one call each, each once. newMessage is never re-sent for an enclosure:
 * when one fails after the post, the job is done with that file marked failed, and publishing again
 * attaches what is missing to the same msgnum. saveMessage jobs retry like any idempotent job.
 */
export async function attachEnclosures(
  deps: PerformerDeps,
  dg: DiscussionLogin,
  account: Account,
  job: Job,
  result: Result,
  attempt: AttemptContext,
  idempotent: boolean,
): Promise<Outcome> {
  const msgnum = result.msgnum!
  if (!job.files || job.files.length === 0) return { kind: 'done', result }
  const draft = await deps.draft(job.draftId).catch(() => undefined)
  const items: FileToSend[] = filesToSend(job).map((file) => {
    const e = draft?.enclosures?.find((x) => x.name === file.path)
    return {
      path: file.path,
      bytes: e?.size ?? 0,
      async send(progress) {
        if (!e || !deps.enclosurePath)
          throw new AppFailure(
            appError(
              'not-found',
              `“${file.path}” is no longer attached to the draft, so it was not sent. Publish again to send what is attached now.`,
            ),
          )
        const bytes = await readFile(deps.enclosurePath(job.draftId, e.storedAs))
        const r = await attachEnclosure(dg, msgnum, e.type, bytes, e.name, {
          signal: attempt.signal,
          onUploadProgress: progress,
        })
        return { ...(r.url ? { url: r.url } : {}), members: structToJson(r.members) }
      },
    }
  })
  const context = { method: 'mainResponder.discuss.attachEnclosure', url: account.url, account: account.name }
  const outcome = await sendEachFile(
    job,
    items,
    (e) => enclosureOutcome(errorOf(e, context), deps.now()),
    deps.now,
    attempt.progress,
  )
  // The message's own result stays the job's (sendEachFile's would be the first enclosure's URL).
  if (outcome.kind === 'done' || !idempotent)
    return { kind: 'done', result, ...('files' in outcome && outcome.files ? { files: outcome.files } : {}) }
  return outcome
}

/**
 * attachEnclosure adds one more enclosure per call, so it is not idempotent: when its answer was
 * lost the file may be attached already, and only a person looking at the message can tell.
 */
function enclosureOutcome(error: AppError, now: Date): Outcome {
  const o = outcomeOf(error, false, now)
  if (o.kind !== 'unknown') return o
  return {
    kind: 'attention',
    error: {
      ...error,
      message: `${error.message} The file may have been attached anyway: check the message on the server before publishing again.`,
    },
  }
}
