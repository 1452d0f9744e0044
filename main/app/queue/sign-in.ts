import { appError } from '../../../shared/errors'
import type { Account, Job } from '../../../shared/model'
import type { Outcome } from '../../queue/outcome'
import type { XmlRpcClient } from '../../xmlrpc/client'
import type { PerformerDeps } from '../core/performer-deps'
import { errorOf } from './error-of'

export interface SignedIn {
  account: Account
  password: string
  client: XmlRpcClient
}

/** The job's account, its password and a client, or the outcome that asks a person to fix them. */
export async function signIn(
  deps: PerformerDeps,
  job: Job,
): Promise<SignedIn | Extract<Outcome, { kind: 'attention' }>> {
  let account: Account
  try {
    account = deps.account(job.accountId)
  } catch (e) {
    return { kind: 'attention', error: errorOf(e) }
  }
  const password = await deps.password(account.id)
  if (password === undefined) {
    return {
      kind: 'attention',
      error: appError(
        'auth',
        `No password is stored for the account "${account.name}". Add it in Accounts, then retry.`,
      ),
    }
  }
  return { account, password, client: await deps.client(account) }
}
