/**
 * A malformed call is refused before any handler runs, with one error whichever face carried it:
 * the core's dispatch, the browser host's HTTP API, the Electron IPC handler (main/electron/ipc.ts,
 * with `electron` replaced by a recorder of ipcMain.handle).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { IPC_INVOKE, type ChannelName } from '../../../shared/api'
import type { Result } from '../../../shared/result'
import { startHost, type Host } from '../../host/host'
import { testCore } from '../testing/test-core'
import { channelSchemas } from './channel-schemas'
import { handlers } from './channel-handlers'

const ipcHandlers = vi.hoisted(() => new Map<string, (...args: unknown[]) => Promise<unknown>>())
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (...args: unknown[]) => Promise<unknown>) => ipcHandlers.set(channel, handler),
  },
}))
const { registerIpc } = await import('../../electron/ipc')

let host: Host | undefined
afterEach(async () => {
  await host?.close()
  host = undefined
  ipcHandlers.clear()
})

/** The same core through its three doors. */
async function faces() {
  const app = await testCore({ sandbox: false })
  const rendererDir = join(app.dir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>')
  host = await startHost({ core: app.core, port: 0, rendererDir })
  const base = `http://127.0.0.1:${host.port}`
  const launch = new URL(host.url).hash.replace('#token=', '')
  const session = await fetch(`${base}/api-session`, { method: 'POST', headers: { 'x-upstream-launch': launch } })
  const token = ((await session.json()) as { value: { token: string } }).value.token
  registerIpc(Promise.resolve(app.core), () => true)
  const ipc = ipcHandlers.get(IPC_INVOKE)!
  return {
    app,
    dispatch: (channel: ChannelName, input: unknown) => app.core.invoke(channel, input),
    http: async (channel: ChannelName, input: unknown) => {
      const r = await fetch(`${base}/api/${channel}`, {
        method: 'POST',
        headers: { 'x-upstream-token': token, 'content-type': 'application/json' },
        body: JSON.stringify({ input }),
      })
      return (await r.json()) as Result<unknown>
    },
    ipc: (channel: ChannelName, input: unknown) =>
      ipc({ senderFrame: null }, channel, input) as Promise<Result<unknown>>,
  }
}

// One per feature, each a different way of being wrong.
const malformed: { channel: ChannelName; input: unknown; field?: string; path?: string; says: string }[] = [
  {
    channel: 'drafts.save',
    input: { kind: 'tweet', format: 'html', title: 't', body: '' },
    field: 'kind',
    says: '"kind" must be one of "message", "page", "post"',
  },
  { channel: 'drafts.get', input: { id: 42 }, field: 'id', says: '"id" must be text, not a number' },
  { channel: 'drafts.list', input: 'trains', says: 'The input must be an object, not a string' },
  {
    channel: 'accounts.save',
    input: { kind: 'webhost', name: 'H', username: 'me' },
    field: 'url',
    says: '"url" is missing',
  },
  { channel: 'accounts.remove', input: null, says: 'The input must be an object, not null' },
  {
    channel: 'blog.recentPosts',
    input: { accountId: 'a', count: 0 },
    field: 'count',
    says: '"count" must be a whole number from 1 to 200',
  },
  {
    channel: 'discussion.topics',
    input: { accountId: 'a', count: 2.5 },
    field: 'count',
    says: 'whole number from 1 to 1000',
  },
  {
    channel: 'inspector.call',
    input: { accountId: 'a', method: 'x', params: 'not a list' },
    field: 'params',
    says: '"params" must be a list',
  },
  {
    channel: 'queue.resolve',
    input: { jobId: 'j', answer: 'was-posted', msgnum: { x: 1 } },
    field: 'msgnum',
    says: '"msgnum" must be the id as the server gave it',
  },
  {
    channel: 'queue.resolve',
    input: { jobId: 'j', answer: 'perhaps' },
    field: 'answer',
    says: '"answer" must be one of "was-posted", "not-posted"',
  },
  {
    channel: 'weblog.settings.save',
    input: { accountId: 'a', pingServers: ['http://x', 7] },
    field: 'pingServers',
    path: 'pingServers[1]',
    says: '"pingServers[1]" must be text, not a number',
  },
  { channel: 'site.subscribe', input: { accountId: 'a' }, field: 'url', says: '"url" is missing: it must be text' },
]

describe('channel inputs are checked once, in dispatch', () => {
  it('refuses a malformed call with the same error through dispatch, the browser host and IPC', async () => {
    const f = await faces()
    for (const { channel, input, field, path, says } of malformed) {
      const answers = [await f.dispatch(channel, input), await f.http(channel, input), await f.ipc(channel, input)]
      const [first] = answers
      expect(first, channel).toMatchObject({ ok: false, error: { kind: 'invalid-input', details: { channel } } })
      if (first.ok) continue
      expect(first.error.message, channel).toContain(says)
      expect(first.error.details?.field, channel).toBe(field)
      expect(first.error.details?.path, channel).toBe(path)
      expect(answers[1], `${channel} over HTTP`).toEqual(first)
      expect(answers[2], `${channel} over IPC`).toEqual(first)
    }
    // Nothing ran: the refused save wrote no draft.
    expect(await f.app.call('drafts.list')).toEqual([])
  })

  it('never repeats the value it refuses (it may be huge, or a password)', async () => {
    const f = await faces()
    const huge = 'x'.repeat(1_000_000)
    for (const send of [f.dispatch, f.http, f.ipc]) {
      const r = await send('accounts.save', {
        kind: 'webhost',
        name: 'H',
        url: 'http://h/RPC2',
        username: 'me',
        password: huge,
      })
      expect(r).toMatchObject({ ok: false, error: { kind: 'invalid-input', details: { field: 'password' } } })
      expect(JSON.stringify(r).length).toBeLessThan(400)
      expect(JSON.stringify(r)).not.toContain('xxxxxxxxxx')
    }
  })

  it('has a schema for every channel; void channels take nothing or null, and nothing else', async () => {
    expect(Object.keys(channelSchemas).sort()).toEqual(Object.keys(handlers).sort())
    const f = await faces()
    expect(await f.dispatch('app.info', undefined)).toMatchObject({ ok: true })
    expect(await f.http('queue.list', null)).toEqual({ ok: true, value: [] })
    expect(await f.dispatch('accounts.list', { extra: 1 })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input' },
    })
    // Optional-object channels take nothing too.
    expect(await f.ipc('queue.pause', undefined)).toEqual({ ok: true, value: [] })
    expect(await f.dispatch('drafts.export', null)).toEqual({ ok: true, value: { files: [] } })
  })
})
