import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Account } from '../../../shared/model'
import { startSandbox } from '../../sandbox/sandbox'
import { atomicWrite } from '../../store/atomic-write'
import { ensureDir, nodeFs } from '../../store/fs-layer'
import { passwordKey, type SecretsDriver } from '../../store/secrets'
import type { SettingsStore } from '../../store/settings-types'
import type { ChildStart } from './child-protocol'
import type { SandboxLauncher } from './launcher'
import { superviseSandbox, type Running, type SandboxState } from './supervisor'

const SANDBOX_WEBHOST_ID = 'local-sandbox-webhost'
const SANDBOX_DISCUSSION_ID = 'local-sandbox-discussion'
const SANDBOX_COMMUNITY_ID = 'local-sandbox-community'
const SANDBOX_IDS = [SANDBOX_WEBHOST_ID, SANDBOX_DISCUSSION_ID, SANDBOX_COMMUNITY_ID]
/** Enclosures of 50 MB must work out of the box (the default limit, 40 MB, suits the standalone server). */
const LIMITS = { maxFileSize: 100 * 1024 * 1024 }
/** Open connections the child accepts at once (the app's own clients need a handful). */
export const SANDBOX_MAX_CONNECTIONS = 256

export interface LocalSandbox {
  /** Its XML-RPC address; undefined while it is down (it could not start yet, or died). */
  endpoint(): string | undefined
  /** The child's pid, or undefined when it runs in this process (tests). */
  pid(): number | undefined
  close(): Promise<void>
}

export interface LocalSandboxOptions {
  /** A launcher runs it in its own process, supervised; 'in-process' (tests) runs it here. */
  run: SandboxLauncher | 'in-process'
  onState?: (state: SandboxState) => void
}

/**
 * `<data>/local-sandbox.json`: the member the app made, kept apart from settings.json so a damaged
 * settings file never costs it its identity (its usernum, weblog and pages belong to the e-mail).
 */
export const identityFile = (dataDir: string): string => join(dataDir, 'local-sandbox.json')

async function readIdentity(dataDir: string): Promise<string | undefined> {
  try {
    const v = JSON.parse(await readFile(identityFile(dataDir), 'utf8')) as { memberEmail?: unknown }
    return typeof v.memberEmail === 'string' ? v.memberEmail : undefined
  } catch {
    return undefined
  }
}

/**
 * The embedded "Local sandbox": started with the app so a new user can publish with no setup. Its
 * port is kept in settings (another free one if taken, with the accounts' URLs moved along), and
 * its member's random password lives in the secrets store like any other. The member is handed to
 * the sandbox with that password on every start, so a lost secret is simply replaced: the member
 * (by e-mail) keeps its usernum, weblog and pages.
 */
export async function startLocalSandbox(
  dataDir: string,
  settings: SettingsStore,
  secrets: SecretsDriver,
  options: LocalSandboxOptions,
): Promise<LocalSandbox> {
  const saved = settings.get().sandbox
  const email =
    saved?.memberEmail ?? (await readIdentity(dataDir)) ?? `writer-${randomBytes(3).toString('hex')}@sandbox.local`
  const password = (await secrets.get(passwordKey(SANDBOX_WEBHOST_ID))) ?? randomBytes(18).toString('base64url')
  await ensureDir(nodeFs, dataDir)
  await atomicWrite(nodeFs, identityFile(dataDir), JSON.stringify({ memberEmail: email }) + '\n', { mode: 0o600 })

  const start: ChildStart = {
    type: 'start',
    dir: join(dataDir, 'sandbox'),
    port: saved?.port ?? 0,
    limits: LIMITS,
    member: { email, password },
    maxConnections: SANDBOX_MAX_CONNECTIONS,
  }
  const adopt = (running: Running) => saveAccounts(settings, secrets, running, email, password)

  if (options.run === 'in-process') {
    const sandbox = await startSandbox({ ...start, fallbackToFreePort: true, users: [start.member] })
    await adopt({ ...sandbox, usernum: sandbox.members.byEmail(email)!.usernum })
    return { endpoint: () => sandbox.endpoint, pid: () => undefined, close: () => sandbox.close() }
  }
  let first: Promise<void> = Promise.resolve()
  const supervised = await superviseSandbox({
    launch: options.run,
    start,
    onState: options.onState ?? (() => {}),
    // On a restart its old port may have been taken meanwhile: the accounts follow it (queued
    // jobs read them fresh). The first start's accounts are saved before the app goes on.
    onRunning: (running, isFirst) => {
      const saved = adopt(running)
      if (isFirst) first = saved
      else saved.catch(() => {})
    },
  })
  await first
  return { endpoint: () => supervised.running()?.endpoint, pid: supervised.pid, close: supervised.close }
}

async function saveAccounts(
  settings: SettingsStore,
  secrets: SecretsDriver,
  running: Running,
  email: string,
  password: string,
): Promise<void> {
  // One member, one account of each kind, so every feature works with no setup.
  const base = { url: running.endpoint, username: email, builtin: 'sandbox' as const }
  const fresh: Account[] = [
    { ...base, id: SANDBOX_WEBHOST_ID, kind: 'webhost', name: 'Local sandbox' },
    {
      ...base,
      id: SANDBOX_DISCUSSION_ID,
      kind: 'discussion',
      name: 'Local sandbox — group “sandbox”',
      dgname: 'sandbox',
    },
    { ...base, id: SANDBOX_COMMUNITY_ID, kind: 'community', name: 'Local sandbox — weblog', usernum: running.usernum },
  ]
  for (const id of SANDBOX_IDS)
    if ((await secrets.get(passwordKey(id))) !== password) await secrets.set(passwordKey(id), password)
  // Address and member are reset on every launch (the port may move); a rename and the profile stay.
  await settings.update((s) => {
    const stored = s.accounts
    const accounts = fresh.map((a): Account => {
      const old = stored.find((x) => x.id === a.id)
      return { ...a, ...(old?.name ? { name: old.name } : {}), ...(old?.profile ? { profile: old.profile } : {}) }
    })
    s.sandbox = { port: running.port, memberEmail: email }
    s.accounts = [...accounts, ...s.accounts.filter((a) => !SANDBOX_IDS.includes(a.id))]
  })
}
