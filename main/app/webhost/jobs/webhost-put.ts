import { appError } from '../../../../shared/errors'
import type { JobFile } from '../../../../shared/model'
import { filesToSend, sendEachFile, type FileToSend } from '../../../queue/job-files'
import { outcomeOf } from '../../../queue/outcome'
import type { Performer } from '../../../queue/performer'
import { textToIndex } from '../../../protocols/text-to-index'
import { webHostPut } from '../../../protocols/webhost'
import { bareMimeType } from '../../../base/mime'
import { pageText } from '../../drafts/render-body'
import { structToJson } from '../../inspector/xmlrpc-json'
import type { PerformerDeps } from '../../core/performer-deps'
import { errorOf } from '../../queue/error-of'
import { recordOnDraft } from '../../queue/record-publish'
import { signIn } from '../../queue/sign-in'

/**
 * webHost.put is idempotent (same path, same bytes), so lost answers are simply retried. One call
 * per file: the job keeps a record per file, and a retry re-sends only the files not yet sent.
 */
export function webHostPutPerformer(deps: PerformerDeps): Performer {
  return {
    idempotent: true,
    async run(job, attempt) {
      const draft = await deps.draft(job.draftId)
      if (!draft)
        return { kind: 'attention', error: appError('not-found', 'The draft behind this job no longer exists.') }
      const who = await signIn(deps, job)
      if ('kind' in who) return who
      // Jobs queued before per-file records: the draft's page is the one file.
      const pending: JobFile[] = job.files ? filesToSend(job) : [{ path: draft.relativePath ?? '', status: 'pending' }]
      const subject = job.files ? job : { ...job, files: pending }
      const items: FileToSend[] = pending.map((file) => {
        const mimeType = draft.mimeType || bareMimeType(file.path)
        const text = pageText(draft, mimeType) // what the preview shows
        const bytes = Buffer.from(text, 'utf8')
        return {
          path: file.path,
          bytes: bytes.byteLength,
          async send(progress) {
            const put = await webHostPut(
              who.client,
              {
                username: who.account.username,
                password: who.password,
                bytes,
                mimeType,
                relativePath: file.path,
                ...(mimeType === 'text/html' ? { textToIndex: textToIndex(text) } : {}),
              },
              { signal: attempt.signal, onUploadProgress: (sent) => progress(sent) },
            )
            return { url: put.url, members: structToJson(put.members) }
          },
        }
      })
      const context = { method: 'webHost.put', url: who.account.url, account: who.account.name }
      const outcome = await sendEachFile(
        subject,
        items,
        (e) => outcomeOf(errorOf(e, context), true, deps.now()),
        deps.now,
        attempt.progress,
      )
      if (outcome.kind === 'done') await recordOnDraft(deps, job, outcome.result)
      return outcome
    },
  }
}
