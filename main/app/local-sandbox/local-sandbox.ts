import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { Account } from '../../../shared/model'
import { startSandbox, type Sandbox } from '../../sandbox/sandbox'
import { passwordKey, type SecretsDriver } from '../../store/secrets'
import type { SettingsStore } from '../../store/settings-types'

const SANDBOX_WEBHOST_ID = 'local-sandbox-webhost'
const SANDBOX_DISCUSSION_ID = 'local-sandbox-discussion'
const SANDBOX_COMMUNITY_ID = 'local-sandbox-community'
const SANDBOX_IDS = [SANDBOX_WEBHOST_ID, SANDBOX_DISCUSSION_ID, SANDBOX_COMMUNITY_ID]

/**
 * The embedded "Local sandbox": started with the app so a new user can publish with no setup. Its
 * port is kept in settings (another free one if taken, with the accounts' URLs moved along), and
 * its member's random password lives in the secrets store like any other.
 */
export async function startLocalSandbox(
  dataDir: string,
  settings: SettingsStore,
  secrets: SecretsDriver,
): Promise<Sandbox> {
  const saved = settings.get().sandbox
  // Enclosures of 50 MB must work out of the box (the default limit, 40 MB, suits the standalone server).
  const sandbox = await startSandbox({
    dir: join(dataDir, 'sandbox'),
    port: saved?.port ?? 0,
    fallbackToFreePort: true,
    limits: { maxFileSize: 100 * 1024 * 1024 },
  })
  const existing = settings.get().accounts.find((a) => a.id === SANDBOX_WEBHOST_ID)
  let memberEmail = saved?.memberEmail
  const password = existing ? await secrets.get(passwordKey(existing.id)) : undefined
  const usable =
    memberEmail !== undefined && password !== undefined && sandbox.members.signIn(memberEmail, password) !== undefined
  let secret = password
  if (!usable) {
    // First run, or the secret was lost: a fresh member, since digests can't be reversed.
    memberEmail = `writer-${randomBytes(3).toString('hex')}@sandbox.local`
    secret = randomBytes(18).toString('base64url')
    await sandbox.addMember(memberEmail, secret)
  }
  const member = sandbox.members.byEmail(memberEmail!)!
  // One member, one account of each kind, so every feature works with no setup.
  const base = { url: sandbox.endpoint, username: member.email, builtin: 'sandbox' as const }
  const fresh: Account[] = [
    { ...base, id: SANDBOX_WEBHOST_ID, kind: 'webhost', name: 'Local sandbox' },
    {
      ...base,
      id: SANDBOX_DISCUSSION_ID,
      kind: 'discussion',
      name: 'Local sandbox — group “sandbox”',
      dgname: 'sandbox',
    },
    { ...base, id: SANDBOX_COMMUNITY_ID, kind: 'community', name: 'Local sandbox — weblog', usernum: member.usernum },
  ]
  // Address and member are reset on every launch (the port may move); a rename and the profile stay.
  const stored = settings.get().accounts
  const accounts = fresh.map((a): Account => {
    const old = stored.find((x) => x.id === a.id)
    return { ...a, ...(old?.name ? { name: old.name } : {}), ...(old?.profile ? { profile: old.profile } : {}) }
  })
  for (const a of accounts)
    if ((await secrets.get(passwordKey(a.id))) !== secret) await secrets.set(passwordKey(a.id), secret!)
  await settings.update((s) => {
    s.sandbox = { port: sandbox.port, memberEmail: member.email }
    s.accounts = [...accounts, ...s.accounts.filter((a) => !SANDBOX_IDS.includes(a.id))]
  })
  return sandbox
}
