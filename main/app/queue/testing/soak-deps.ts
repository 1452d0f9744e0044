import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Account, Draft, PublishRecord } from '../../../../shared/model'
import { appError } from '../../../../shared/errors'
import type { PerformerDeps } from '../../core/performer-deps'
import { AppFailure } from '../../core/failure'
import { applyAmendment } from '../../../store/draft-amend'
import { createXmlRpcClient } from '../../../xmlrpc/client'
import type { Clock } from '../../../queue/clock'

export interface SoakWorld {
  accounts: Map<string, Account>
  passwords: Map<string, string>
  drafts: Map<string, Draft>
  /** What performers recorded on each draft. */
  records: Map<string, PublishRecord[]>
  /** Where site.sync jobs keep sites (the soak sends none; a test that does gives its own). */
  dataDir?: string
}

export const emptyWorld = (): SoakWorld => ({
  accounts: new Map(),
  passwords: new Map(),
  drafts: new Map(),
  records: new Map(),
})

/**
 * The real performers' dependencies around a test world: real XML-RPC clients (real fetch, real
 * sockets, short timeouts so a `slow` fault costs little), accounts and drafts in memory.
 */
export function soakDeps(
  world: SoakWorld,
  clock: Clock,
  timeoutMs: number,
  fetchImpl: typeof fetch = fetch,
): PerformerDeps {
  return {
    account(id) {
      const a = world.accounts.get(id)
      if (!a) throw new AppFailure(appError('not-found', `There is no account with id ${id}.`))
      return a
    },
    password: async (id) => world.passwords.get(id),
    client: async (account) =>
      createXmlRpcClient(account.url, { fetch: fetchImpl, timeoutMs, connectTimeoutMs: timeoutMs }),
    draft: async (id) => world.drafts.get(id),
    recordPublish: async (id, record) => {
      world.records.set(id, [...(world.records.get(id) ?? []), record])
    },
    amendDraft: async (id, amendment) => {
      const draft = world.drafts.get(id)
      if (!draft) throw new AppFailure(appError('not-found', `There is no draft with id ${id}.`))
      world.drafts.set(id, applyAmendment(draft, amendment))
    },
    dataDir: world.dataDir ?? join(tmpdir(), 'upstream-soak-sites'),
    now: () => clock.now(),
  }
}
