import type { Job } from '../../../../shared/model'
import { detectServerProfile } from '../../../protocols/server-profile-detect'
import { offers } from '../../../protocols/unsupported'
import type { LookupResult } from '../../../queue/performer'
import { appError } from '../../../../shared/errors'
import type { PerformerDeps } from '../../core/performer-deps'
import { discussionLogin } from './discuss-login'
import { findPosted } from './discuss-find-posted'
import { errorOf } from '../../queue/error-of'
import { signIn } from '../../queue/sign-in'

const NS = 'mainResponder.discuss.'

/** Signs in, checks the server lists messages (getTopics/getMessage), then searches for the post. */
export async function lookUpPosted(deps: PerformerDeps, job: Job, claimed: ReadonlySet<string>): Promise<LookupResult> {
  const m = job.message
  const since = job.uncertain?.since ?? job.attemptStartedAt
  if (!m || !since)
    return {
      kind: 'cannot',
      error: appError('internal', 'This job does not say what it sent, so Upstream cannot look for it.'),
    }
  const who = await signIn(deps, job)
  if ('kind' in who) return { kind: 'cannot', error: who.error }
  try {
    // Only servers whose listMethods names them are asked (their shapes are Frontier's, not a spec).
    const known = who.account.profile
    const profile = known?.methods ? known : await detectServerProfile(who.client, known)
    if (offers(profile, NS + 'getTopics') !== true || offers(profile, NS + 'getMessage') !== true) {
      return {
        kind: 'cannot',
        error: appError(
          'unsupported',
          `The answer to this post was lost, and ${who.account.name} offers no way to list messages. Check the group, then say whether it was posted.`,
        ),
      }
    }
    const dg = discussionLogin(who, profile)
    if ('kind' in dg) return { kind: 'cannot', error: dg.error }
    return await findPosted(dg, { ...m, author: who.account.username }, new Date(since), claimed, profile.timeZone)
  } catch (e) {
    const error = errorOf(e, { method: `${NS}getTopics`, url: who.account.url, account: who.account.name })
    // A refusal (wrong password now) will not fix itself; anything else is tried again later.
    return error.kind === 'auth' ? { kind: 'cannot', error } : { kind: 'failed', error }
  }
}
