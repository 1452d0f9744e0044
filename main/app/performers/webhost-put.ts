import { appError } from '../../../shared/errors'
import { bareMimeType } from '../mime'
import { textToIndex } from '../../protocols/text-to-index'
import { webHostPut } from '../../protocols/webhost'
import { passwordKey } from '../../store/secrets'
import { outcomeOf } from '../../queue/outcome'
import type { Performer } from '../../queue/publisher'
import { toAppError } from '../../xmlrpc/errors'
import type { AppContext } from '../context'
import { AppFailure } from '../failure'
import { structToJson } from '../xmlrpc-json'

/** webHost.put is idempotent (same path, same bytes), so lost answers are simply retried. */
export function webHostPutPerformer(ctx: () => AppContext): Performer {
  return {
    idempotent: true,
    async run(job, report) {
      const c = ctx()
      const draft = await c.drafts.get(job.draftId)
      if (!draft) return { kind: 'attention', error: appError('not-found', 'The draft behind this job no longer exists.') }
      let account
      try {
        account = c.account(job.accountId)
      } catch (e) {
        if (e instanceof AppFailure) return { kind: 'attention', error: e.error }
        throw e
      }
      const password = await c.secrets.get(passwordKey(account.id))
      if (password === undefined) {
        return { kind: 'attention', error: appError('auth', `No password is stored for the account "${account.name}". Add it in Accounts, then retry.`) }
      }
      const relativePath = draft.relativePath ?? ''
      const mimeType = draft.mimeType || bareMimeType(relativePath)
      try {
        const put = await webHostPut(
          c.clientFor(account),
          {
            username: account.username,
            password,
            bytes: Buffer.from(draft.body, 'utf8'),
            mimeType,
            relativePath,
            ...(mimeType === 'text/html' ? { textToIndex: textToIndex(draft.body) } : {}),
          },
          { onUploadProgress: report },
        )
        const members = structToJson(put.members)
        await c.drafts.recordPublish(draft.id, { at: new Date().toISOString(), jobId: job.id, accountId: account.id, url: put.url, members })
        return { kind: 'done', result: { url: put.url, members } }
      } catch (e) {
        return outcomeOf(toAppError(e, { method: 'webHost.put', url: account.url, account: account.name }), true)
      }
    },
  }
}
