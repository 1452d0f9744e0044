import type { Account } from '../../../shared/model'
import { passwordKey, type SecretsDriver } from '../../store/secrets'
import { createXmlRpcClient, type XmlRpcClient } from '../../xmlrpc/client'
import { createRedactor } from '../../xmlrpc/redact'
import type { TransferLimits } from '../../xmlrpc/transfer-limits'
import type { WireLogStore } from '../inspector/wire-log-store'

/**
 * An XML-RPC client for an account: the face's fetch (Electron's net.fetch in the app), every
 * exchange to the wire log, and the account's password — raw, escaped or as its MD5 digest —
 * redacted wherever it appears, on top of the per-method positional map.
 */
export async function accountClient(
  account: Account,
  secrets: SecretsDriver,
  fetchImpl: typeof fetch,
  wire: WireLogStore,
  transferLimits?: Partial<TransferLimits>,
): Promise<XmlRpcClient> {
  const password = await secrets.get(passwordKey(account.id))
  return createXmlRpcClient(account.url, {
    fetch: fetchImpl,
    ...(transferLimits ? { transferLimits } : {}),
    redactor: createRedactor({ secrets: [password] }),
    onWire: (entry) => wire.record({ ...entry, account: { id: account.id, name: account.name } }),
  })
}
