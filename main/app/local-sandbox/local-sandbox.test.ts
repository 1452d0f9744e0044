import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Events } from '../../../shared/api'
import { startCore } from '../core/core'
import type { Core } from '../core/core-types'
import { createXmlRpcClient } from '../../xmlrpc/client'
import { nodeSandboxLauncher, type SandboxChild, type SandboxLauncher } from './launcher'
import { childEntry } from './testing/child-entry'

const cleanup: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c()
})

/** The real core with its Local sandbox in a real child process; the children it started are kept. */
async function appWithChild(options: { heapMb?: number } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'upstream-child-'))
  cleanup.push(() => rm(dataDir, { recursive: true, force: true }))
  const children: SandboxChild[] = []
  const base = nodeSandboxLauncher(await childEntry(), {
    heapMb: options.heapMb,
    quiet: true,
    env: { ...process.env, UPSTREAM_SANDBOX_TEST_HOOKS: '1' },
  })
  const launch: SandboxLauncher = () => {
    const c = base()
    children.push(c)
    return c
  }
  const core = await startCore({ dataDir, face: 'test', sandboxLauncher: launch })
  cleanup.push(() => core.close())
  const states: Events['sandbox.state'][] = []
  const notes: Events['notification'][] = []
  core.onEvent((event, payload) => {
    if (event === 'sandbox.state') states.push(payload as Events['sandbox.state'])
    if (event === 'notification') notes.push(payload as Events['notification'])
  })
  const endpoint = core.info.sandboxUrl!
  return { dataDir, core, children, states, notes, endpoint }
}

/** Saves drafts one after another until `until` settles; answers every save's outcome. */
async function saveWhile(core: Core, until: Promise<unknown>): Promise<boolean[]> {
  let done = false
  void until.then(() => (done = true))
  const outcomes: boolean[] = []
  for (let i = 0; !done || outcomes.length < 3; i++) {
    const r = await core.invoke('drafts.save', { kind: 'message', format: 'text', title: `T${i}`, body: `Body ${i}` })
    outcomes.push(r.ok)
  }
  return outcomes
}

const restartedOnce = (states: Events['sandbox.state'][]) =>
  new Promise<void>((resolve) => {
    const poll = () =>
      states.some((s) => s.state === 'running' && s.restarts === 1) ? resolve() : setTimeout(poll, 20)
    poll()
  })

describe('the Local sandbox in its own process', () => {
  it('is killed while the app saves drafts: every save succeeds, it comes back on its port, same member', async () => {
    const app = await appWithChild()
    const first = app.children[0]
    const usernum = async () => {
      const accounts = await app.core.invoke('accounts.list', undefined)
      return accounts.ok ? accounts.value.find((a) => a.kind === 'community')?.usernum : undefined
    }
    const before = await usernum()
    const back = restartedOnce(app.states)
    first.kill('SIGKILL')
    const saves = await saveWhile(app.core, back)
    expect(saves.every(Boolean)).toBe(true)
    expect(app.children).toHaveLength(2)
    expect(app.children[1].pid).not.toBe(first.pid)
    // (The first 'running' came during startCore, before this test listened.)
    expect(app.states.map((s) => s.state)).toEqual(['restarting', 'running'])
    expect(app.states[0].message).toMatch(/^Local sandbox stopped: killed \(SIGKILL\); restarting in \d+ s$/)
    expect(app.notes.map((n) => n.title)).toContain('Local sandbox stopped: killed (SIGKILL); restarted')
    // The same address answers again, and the member is the one it was.
    const methods = await createXmlRpcClient(app.endpoint).call('system.listMethods', [])
    expect(methods).toContain('mainResponder.discuss.newMessage')
    expect(await usernum()).toBe(before)
  })

  it('runs out of memory under its own heap cap while the app saves drafts: the app is untouched, it restarts', async () => {
    const app = await appWithChild({ heapMb: 64 })
    const heapBefore = process.memoryUsage().heapUsed
    const back = restartedOnce(app.states)
    app.children[0].send({ type: 'test-exhaust-memory' })
    const saves = await saveWhile(app.core, back)
    expect(saves.every(Boolean)).toBe(true)
    expect(app.states[0].message).toMatch(/^Local sandbox stopped: out of memory; restarting/)
    expect(app.notes.map((n) => n.title)).toContain('Local sandbox stopped: out of memory; restarted')
    // Whatever the child hoarded was its own heap, not the app's.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024)
    expect(await createXmlRpcClient(app.endpoint).call('system.listMethods', [])).toContain('system.multicall')
    expect(JSON.parse(await readFile(join(app.dataDir, 'local-sandbox.json'), 'utf8')).memberEmail).toMatch(
      /@sandbox\.local$/,
    )
  })
})

describe('a Local sandbox that cannot start', () => {
  it('never stops the app: with its state folder unusable the app starts, saves drafts and says why', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'upstream-child-'))
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }))
    await writeFile(join(dataDir, 'sandbox'), 'a file where the state folder should be')
    const states: Events['sandbox.state'][] = []
    const core = await startCore({
      dataDir,
      face: 'test',
      sandboxLauncher: nodeSandboxLauncher(await childEntry(), { quiet: true }),
    })
    cleanup.push(() => core.close())
    core.onEvent((e, p) => void (e === 'sandbox.state' && states.push(p as Events['sandbox.state'])))
    expect(core.info.sandboxUrl).toBeUndefined()
    const saved = await core.invoke('drafts.save', { kind: 'message', format: 'text', title: 'Still', body: 'here' })
    expect(saved.ok).toBe(true)
    const accounts = await core.invoke('accounts.list', undefined)
    expect(accounts.ok && accounts.value.filter((a) => a.builtin)).toEqual([])
    // It keeps trying, and each try says why (the first was told during startCore, before we listened).
    await new Promise<void>((resolve) => {
      const poll = () => (states.length > 0 ? resolve() : setTimeout(poll, 20))
      poll()
    })
    expect(states[0].state).toBe('stopped')
    expect(states[0].message).toMatch(/^Local sandbox could not start \(.+\); next try/)
  })

  it('a damaged state file is set aside with its bytes and the sandbox starts without it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'upstream-child-'))
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }))
    await mkdir(join(dataDir, 'sandbox'), { recursive: true })
    const damaged = '{"members": [ {"email": '
    await writeFile(join(dataDir, 'sandbox', 'members.json'), damaged)
    const core = await startCore({
      dataDir,
      face: 'test',
      sandboxLauncher: nodeSandboxLauncher(await childEntry(), { quiet: true }),
    })
    cleanup.push(() => core.close())
    expect(core.info.sandboxUrl).toBeTruthy()
    const aside = (await readdir(join(dataDir, 'sandbox'))).filter((n) => /^members\.corrupt-.+\.json$/.test(n))
    expect(aside).toHaveLength(1)
    expect(await readFile(join(dataDir, 'sandbox', aside[0]), 'utf8')).toBe(damaged)
    const accounts = await core.invoke('accounts.list', undefined)
    expect(accounts.ok && accounts.value.some((a) => a.id === 'local-sandbox-community')).toBe(true)
  })
})

describe('the Local sandbox member', () => {
  it('keeps its identity (e-mail, usernum, password) when settings.json is damaged', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'upstream-identity-'))
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }))
    const member = async () => {
      const core = await startCore({ dataDir, face: 'test' })
      const accounts = await core.invoke('accounts.list', undefined)
      await core.close()
      const community = accounts.ok ? accounts.value.find((a) => a.id === 'local-sandbox-community') : undefined
      return { email: community?.username, usernum: community?.usernum }
    }
    const before = await member()
    expect(before.usernum).toBeTruthy()
    await writeFile(join(dataDir, 'settings.json'), '{"accounts": [ {"id": ')
    const after = await member()
    expect(after).toEqual(before)
    const secrets = JSON.parse(await readFile(join(dataDir, 'secrets.json'), 'utf8')) as {
      entries: Record<string, { value: string }>
    }
    const password = secrets.entries['account:local-sandbox-community:password'].value
    // The sandbox's own record agrees: the member signs in with the password the app holds.
    const members = JSON.parse(await readFile(join(dataDir, 'sandbox', 'members.json'), 'utf8'))
    expect(JSON.stringify(members)).toContain(before.email)
    const { createHash } = await import('node:crypto')
    expect(JSON.stringify(members)).toContain(createHash('md5').update(password).digest('hex'))
  })
})

describe('the child under Electron', () => {
  it('speaks through process.parentPort, as in a utilityProcess (emulated over Node IPC)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'upstream-parentport-'))
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }))
    // Electron's parentPort delivers { data } events and has postMessage; Node's IPC stands in for it.
    const wrapper = join(dataDir, 'utility-wrapper.mjs')
    await writeFile(
      wrapper,
      `process.parentPort = {
        on: (_event, listener) => process.on('message', (data) => listener({ data })),
        postMessage: (message) => process.send(message),
      }
      await import(${JSON.stringify(await childEntry())})\n`,
    )
    const core = await startCore({
      dataDir,
      face: 'test',
      sandboxLauncher: nodeSandboxLauncher(wrapper, { quiet: true }),
    })
    cleanup.push(() => core.close())
    const methods = await createXmlRpcClient(core.info.sandboxUrl!).call('system.listMethods', [])
    expect(methods).toContain('xmlStorageSystem.saveMultipleFiles')
  })
})
