import { appError } from '../../../../shared/errors'
import type { Job } from '../../../../shared/model'
import { saveMessage } from '../../../protocols/discussion'
import { outcomeOf } from '../../../queue/outcome'
import type { Performer } from '../../../queue/performer'
import { structToJson } from '../../inspector/xmlrpc-json'
import type { PerformerDeps } from '../../core/performer-deps'
import { discussionLogin } from './discuss-login'
import { errorOf } from '../../queue/error-of'
import { attachEnclosures } from '../message-enclosures'
import { recordOnDraft } from '../../queue/record-publish'
import { conflictBeforeSave, rebase } from '../../queue/server-copy'
import { signIn } from '../../queue/sign-in'

/**
 * mainResponder.discuss.saveMessage replaces a message's title and body: idempotent, retried
 * freely — but never over someone else's newer version (conflictBeforeSave looks first).
 */
export function discussSaveMessagePerformer(deps: PerformerDeps): Performer {
  return {
    idempotent: true,
    async run(job, attempt) {
      const m = job.message
      if (!m || m.msgnum === undefined)
        return { kind: 'attention', error: appError('internal', 'This job names no message to save.') }
      const who = await signIn(deps, job)
      if ('kind' in who) return who
      const dg = discussionLogin(who)
      if ('kind' in dg) return dg
      const context = { method: 'mainResponder.discuss.saveMessage', url: who.account.url, account: who.account.name }
      try {
        const conflict = await conflictBeforeSave(deps, dg, job, attempt.signal)
        if (conflict) return conflict
      } catch (e) {
        return outcomeOf(errorOf(e, { ...context, method: 'mainResponder.discuss.editMessage' }), true, deps.now())
      }
      let result: NonNullable<Job['result']>
      try {
        const r = await saveMessage(dg, m.msgnum, m.body, m.title, {
          signal: attempt.signal,
          onUploadProgress: attempt.progress,
        })
        result = { msgnum: m.msgnum, url: r.url, members: structToJson(r.members) }
      } catch (e) {
        return outcomeOf(errorOf(e, context), true, deps.now())
      }
      await recordOnDraft(deps, job, result)
      await rebase(deps, dg, job, m.msgnum)
      return attachEnclosures(deps, dg, who.account, job, result, attempt, true)
    },
  }
}
