import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sandboxOptions, startedText } from '../cli/sandbox'
import { createXmlRpcClient } from '../xmlrpc/client'
import { startSandbox } from './sandbox'

describe('upstream sandbox (flags)', () => {
  it('reads --port, --data, repeated --user and --group', () => {
    const parsed = sandboxOptions(
      [
        '--port',
        '0',
        '--data',
        '/tmp/sb',
        '--user',
        'a@b.c:pa:ss',
        '--user',
        'd@e.f:x',
        '--group',
        'one',
        '--group',
        'two',
      ],
      {},
    )
    expect(parsed).toEqual({
      ok: true,
      json: false,
      options: {
        dir: '/tmp/sb',
        port: 0,
        users: [
          { email: 'a@b.c', password: 'pa:ss' },
          { email: 'd@e.f', password: 'x' },
        ],
        groups: ['one', 'two'],
      },
    })
  })

  it('defaults to port 5337 inside the app’s data folder', () => {
    const parsed = sandboxOptions([], { UPSTREAM_DATA: '/tmp/app-data' })
    expect(parsed).toMatchObject({ ok: true, options: { port: 5337, dir: join('/tmp/app-data', 'sandbox') } })
  })

  it.each([
    [['--port', 'x'], '--port'],
    [['--user', 'no-colon'], 'EMAIL:PASSWORD'],
    [['--user', 'a@b.c:'], 'EMAIL:PASSWORD'],
    [['--group', '../x'], '--group'],
    [['--nope'], 'nope'],
    [['stray'], 'stray'],
  ])('refuses %j', (args, message) => {
    const parsed = sandboxOptions(args, {})
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.message).toContain(message)
  })

  it('starts a sandbox that prints its endpoint, with the members and groups asked for', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-cli-'))
    const parsed = sandboxOptions(
      ['--port', '0', '--data', dir, '--user', 'cli@example.com:pw', '--group', 'cli-group'],
      {},
    )
    if (!parsed.ok) throw new Error(parsed.message)
    const sandbox = await startSandbox(parsed.options)
    try {
      const text = startedText(sandbox, false)
      const endpoint = /http:\/\/127\.0\.0\.1:(\d+)\/RPC2/.exec(text.split('\n')[0])
      expect(Number(endpoint?.[1])).toBe(sandbox.port)
      expect(JSON.parse(startedText(sandbox, true))).toMatchObject({
        endpoint: sandbox.endpoint,
        groups: ['cli-group', 'sandbox'],
      })
      const topics = await createXmlRpcClient(endpoint![0]).call('mainResponder.discuss.getTopics', [
        'cli-group',
        'cli@example.com',
        'pw',
        5,
      ])
      expect(topics).toEqual([])
    } finally {
      await sandbox.close()
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('makes --user set the password of an existing member (how a lost one is reset)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-cli-'))
    try {
      const first = await startSandbox({ dir, port: 0, users: [{ email: 'r@example.com', password: 'old' }] })
      const usernum = first.members.byEmail('r@example.com')!.usernum
      await first.close()
      const second = await startSandbox({ dir, port: 0, users: [{ email: 'r@example.com', password: 'new' }] })
      expect(second.members.signIn('r@example.com', 'old')).toBeUndefined()
      expect(second.members.signIn('r@example.com', 'new')?.usernum).toBe(usernum)
      await second.close()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
