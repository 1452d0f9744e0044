import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { Account } from '../../shared/model'
import { startSandbox, type Sandbox } from '../sandbox/sandbox'
import { passwordKey, type SecretsDriver } from '../store/secrets'
import type { SettingsStore } from '../store/settings-types'

const SANDBOX_WEBHOST_ID = 'local-sandbox-webhost'

/**
 * The embedded "Local sandbox": started with the app so a new user can publish with no setup. Its
 * port is kept in settings (another free one if taken, with the accounts' URLs moved along), and
 * its member's random password lives in the secrets store like any other.
 */
export async function startLocalSandbox(dataDir: string, settings: SettingsStore, secrets: SecretsDriver): Promise<Sandbox> {
  const saved = settings.get().sandbox
  const sandbox = await startSandbox({ dir: join(dataDir, 'sandbox'), port: saved?.port ?? 0, fallbackToFreePort: true })
  const existing = settings.get().accounts.find((a) => a.id === SANDBOX_WEBHOST_ID)
  let memberEmail = saved?.memberEmail
  const password = existing ? await secrets.get(passwordKey(existing.id)) : undefined
  const usable = memberEmail !== undefined && password !== undefined && sandbox.members.signIn(memberEmail, password) !== undefined
  if (!usable) {
    // First run, or the secret was lost: a fresh member, since digests can't be reversed.
    memberEmail = `writer-${randomBytes(3).toString('hex')}@sandbox.local`
    const fresh = randomBytes(18).toString('base64url')
    await sandbox.addMember(memberEmail, fresh)
    await secrets.set(passwordKey(SANDBOX_WEBHOST_ID), fresh)
  }
  const account: Account = {
    id: SANDBOX_WEBHOST_ID,
    kind: 'webhost',
    name: 'Local sandbox',
    url: sandbox.endpoint,
    username: memberEmail!,
    builtin: 'sandbox',
  }
  await settings.update((s) => {
    s.sandbox = { port: sandbox.port, memberEmail: memberEmail! }
    s.accounts = [account, ...s.accounts.filter((a) => a.id !== SANDBOX_WEBHOST_ID)]
  })
  return sandbox
}
