import type { Account, Draft, PublishRecord } from '../../../shared/model'
import type { DraftAmendment } from '../../store/draft-amend'
import { passwordKey } from '../../store/secrets'
import type { MediaLedger } from '../../protocols/blog/media-ledger'
import type { XmlRpcClient } from '../../xmlrpc/client'
import { fileMediaLedger } from '../blog/blog-media-ledger'
import type { AppContext } from './context'
import { enclosurePath } from '../drafts/enclosure-files'
import { announce } from '../drafts/draft-saved'

/** What performers need from the app, and nothing more: the soak builds one around a test server. */
export interface PerformerDeps {
  /** The account, or throws (AppFailure) when it is gone. */
  account(id: string): Account
  password(accountId: string): Promise<string | undefined>
  client(account: Account): Promise<XmlRpcClient>
  draft(id: string): Promise<Draft | undefined>
  recordPublish(draftId: string, record: PublishRecord): Promise<void>
  /** Sets app-owned draft fields (the server base, a conflict found on publish). */
  amendDraft?(draftId: string, amendment: DraftAmendment): Promise<void>
  /** Where an enclosure's bytes are kept. */
  enclosurePath?(draftId: string, storedAs: string): string
  /** Blog accounts: what was uploaded to which blog, kept durably, so each file goes up once per blog. */
  mediaLedger?(accountId: string): MediaLedger
  /** The data directory: weblog sites, their posts and sync state live under its sites/. */
  dataDir: string
  now(): Date
}

export function depsFromContext(ctx: () => AppContext): PerformerDeps {
  return {
    account: (id) => ctx().account(id),
    password: (id) => ctx().secrets.get(passwordKey(id)),
    client: (account) => ctx().clientFor(account),
    draft: (id) => ctx().drafts.get(id),
    // Every window hears of it: an open editor reloads the publish record, base or conflict.
    recordPublish: async (id, record) => {
      announce(ctx(), await ctx().drafts.recordPublish(id, record))
    },
    amendDraft: async (id, amendment) => {
      announce(ctx(), await ctx().drafts.amend(id, () => amendment))
    },
    enclosurePath: (id, storedAs) => enclosurePath(ctx().drafts.dir, id, storedAs),
    mediaLedger: (accountId) => fileMediaLedger(ctx().dataDir, accountId),
    get dataDir() {
      return ctx().dataDir
    },
    now: () => new Date(),
  }
}
