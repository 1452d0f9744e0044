import { appError } from '../../../../shared/errors'
import type { ServerProfile } from '../../../../shared/server-profile'
import type { DiscussionLogin } from '../../../protocols/discussion'
import type { Outcome } from '../../../queue/outcome'
import type { SignedIn } from '../../queue/sign-in'

/** The three params every mainResponder.discuss call starts with, from a signed-in account. */
export function discussionLogin(
  who: SignedIn,
  profile?: ServerProfile,
): DiscussionLogin | Extract<Outcome, { kind: 'attention' }> {
  const dgname = who.account.dgname
  if (!dgname)
    return {
      kind: 'attention',
      error: appError(
        'invalid-input',
        `The account "${who.account.name}" names no discussion group. Set its group in Accounts, then retry.`,
      ),
    }
  return {
    client: who.client,
    dgname,
    username: who.account.username,
    password: who.password,
    ...(profile ? { profile } : {}),
  }
}
