import { appError } from '../../../../shared/errors'
import type { Job } from '../../../../shared/model'
import { newMessage } from '../../../protocols/discussion'
import { outcomeOf } from '../../../queue/outcome'
import type { Performer } from '../../../queue/performer'
import { structToJson } from '../../inspector/xmlrpc-json'
import type { PerformerDeps } from '../../core/performer-deps'
import { discussionLogin } from './discuss-login'
import { lookUpPosted } from './discuss-look-up'
import { errorOf } from '../../queue/error-of'
import { attachEnclosures } from '../message-enclosures'
import { recordOnDraft } from '../../queue/record-publish'
import { rebase } from '../../queue/server-copy'
import { signIn } from '../../queue/sign-in'
import { learnMsgnumType, msgnumTypeOf, typedMsgnum } from '../msgnum-types'

/**
 * mainResponder.discuss.newMessage — not idempotent: sent at most once. The job is marked
 * dispatched (durably) right before the request leaves, and is never aborted mid-send; a lost answer
 * makes it unknown, and the queue then looks for the post on the server (lookup) or asks.
 */
export function discussNewMessagePerformer(deps: PerformerDeps): Performer {
  return {
    idempotent: false,
    async run(job, attempt) {
      const m = job.message
      if (!m) return { kind: 'attention', error: appError('internal', 'This job carries no message to send.') }
      if (m.inResponseTo === 0 && m.title.trim() === '')
        return {
          kind: 'attention',
          error: appError('invalid-input', 'A new thread needs a title (only replies may leave it empty).', {
            field: 'title',
          }),
        }
      const who = await signIn(deps, job)
      if ('kind' in who) return who
      const dg = discussionLogin(who)
      if ('kind' in dg) return dg
      // A parent typed as text goes out with the type this server numbers with (PyCS: <int>).
      const parent = typedMsgnum(m.inResponseTo, await msgnumTypeOf(deps.dataDir, job.accountId))
      await attempt.dispatching() // outside the try: if the mark cannot be written, nothing is sent
      let result: NonNullable<Job['result']>
      try {
        const r = await newMessage(dg, m.title, m.body, parent, { onUploadProgress: attempt.progress })
        result = { msgnum: r.msgnum, url: r.url, members: structToJson(r.members) }
      } catch (e) {
        return outcomeOf(
          errorOf(e, { method: 'mainResponder.discuss.newMessage', url: who.account.url, account: who.account.name }),
          false,
          deps.now(),
        )
      }
      await recordOnDraft(deps, job, result)
      await learnMsgnumType(deps.dataDir, job.accountId, result.msgnum!).catch(() => {}) // a hint, never a failure
      // Posted: from here nothing re-sends newMessage. The server copy becomes the draft's base, then enclosures.
      await rebase(deps, dg, job, result.msgnum!)
      return attachEnclosures(deps, dg, who.account, job, result, attempt, false)
    },
    async lookup(job, ctx) {
      const found = await lookUpPosted(deps, job, ctx.claimed)
      if (found.kind === 'found') await recordOnDraft(deps, job, found.result)
      return found
    },
    async adopt(job, msgnum) {
      const result = { msgnum }
      await recordOnDraft(deps, job, result)
      return result
    },
  }
}
