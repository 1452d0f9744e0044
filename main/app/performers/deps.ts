import type { Account, Draft, PublishRecord } from '../../../shared/model'
import { passwordKey } from '../../store/secrets'
import type { XmlRpcClient } from '../../xmlrpc/client'
import type { AppContext } from '../context'

/** What performers need from the app, and nothing more: the soak builds one around a test server. */
export interface PerformerDeps {
  /** The account, or throws (AppFailure) when it is gone. */
  account(id: string): Account
  password(accountId: string): Promise<string | undefined>
  client(account: Account): Promise<XmlRpcClient>
  draft(id: string): Promise<Draft | undefined>
  recordPublish(draftId: string, record: PublishRecord): Promise<void>
  now(): Date
}

export function depsFromContext(ctx: () => AppContext): PerformerDeps {
  return {
    account: (id) => ctx().account(id),
    password: (id) => ctx().secrets.get(passwordKey(id)),
    client: (account) => ctx().clientFor(account),
    draft: (id) => ctx().drafts.get(id),
    recordPublish: async (id, record) => {
      await ctx().drafts.recordPublish(id, record)
    },
    now: () => new Date(),
  }
}
