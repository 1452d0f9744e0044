import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Draft } from '../../../shared/model'
import { SANDBOX_COMMUNITY, SANDBOX_DG, SANDBOX_WEBHOST, testCore } from '../testing/test-core'

/** Everything written to stdout, stderr or the console while the test runs. */
function captureOutput(): string[] {
  const seen: string[] = []
  const keep = (...args: unknown[]) =>
    void seen.push(
      args
        .map((a) =>
          typeof a === 'string'
            ? a
            : a instanceof Uint8Array
              ? Buffer.from(a).toString()
              : (JSON.stringify(a) ?? String(a)),
        )
        .join(' '),
    )
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream)
    vi.spyOn(stream, 'write').mockImplementation(
      ((chunk: unknown, ...rest: unknown[]) => (
        keep(chunk),
        write(chunk as string, ...(rest as []))
      )) as typeof stream.write,
    )
  }
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
    vi.spyOn(console, level).mockImplementation(keep)
  return seen
}
afterEach(() => vi.restoreAllMocks())

describe('no password or digest leaves the app in logs, the inspector or output', () => {
  it('after webHost.put, newMessage, saveMessage, saveMultipleFiles and inspector.call', async () => {
    const output = captureOutput()
    const app = await testCore()
    const password = await app.sandboxPassword()
    const digest = createHash('md5').update(password, 'utf8').digest('hex')
    const accounts = await app.call('accounts.list')
    const member = accounts.find((a) => a.id === SANDBOX_DG)!.username
    const usernum = accounts.find((a) => a.id === SANDBOX_COMMUNITY)!.usernum!

    const page: Draft = await app.call('drafts.save', {
      kind: 'page',
      format: 'html',
      title: 'P',
      body: '<p>page</p>',
      relativePath: 'secret-test.html',
      accountId: SANDBOX_WEBHOST,
    })
    await app.settled((await app.call('publish.draft', { draftId: page.id })).id)
    const msg: Draft = await app.call('drafts.save', {
      kind: 'message',
      format: 'html',
      title: 'M',
      body: 'first',
      accountId: SANDBOX_DG,
    })
    await app.settled((await app.call('publish.draft', { draftId: msg.id })).id)
    await app.call('drafts.save', {
      kind: 'message',
      format: 'html',
      title: 'M',
      body: 'second',
      accountId: SANDBOX_DG,
      id: msg.id,
    })
    await app.settled((await app.call('publish.draft', { draftId: msg.id })).id)
    // The console: the person types the digest and the password themselves.
    const saved = await app.call('inspector.call', {
      accountId: SANDBOX_COMMUNITY,
      method: 'xmlStorageSystem.saveMultipleFiles',
      params: [usernum, digest, ['secret-test.txt'], [{ $base64: Buffer.from('hi').toString('base64') }]],
    })
    expect((saved.result as { flError: boolean }).flError).toBe(false)
    await app.call('inspector.call', {
      accountId: SANDBOX_DG,
      method: 'mainResponder.discuss.getTopics',
      params: ['sandbox', member, password, 5],
    })
    // A refusal's words carry no secret either.
    const refused = await app.refusal('inspector.call', {
      accountId: SANDBOX_DG,
      method: 'mainResponder.discuss.getTopics',
      params: ['sandbox', member, `${password}x`, 5],
    })
    expect(refused).toMatchObject({ kind: 'auth' })

    const methods = [
      'webHost.put',
      'mainResponder.discuss.newMessage',
      'mainResponder.discuss.saveMessage',
      'xmlStorageSystem.saveMultipleFiles',
      'mainResponder.discuss.getTopics',
    ]
    const log = join(app.dir, 'logs', 'wire.log')
    await vi.waitFor(async () =>
      expect((await readFile(log, 'utf8')).split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(8),
    )
    const wireLog = await readFile(log, 'utf8')
    const inspector = JSON.stringify(await app.call('inspector.list'))
    for (const m of methods) {
      expect(wireLog).toContain(`"method":"${m}"`)
      expect(inspector).toContain(`"method":"${m}"`)
    }
    // The secrets were there (every call above carried one), and were replaced.
    expect(wireLog.split('[redacted]').length - 1).toBeGreaterThanOrEqual(8)
    const places = {
      wireLog,
      inspector,
      output: output.join('\n'),
      events: JSON.stringify(app.emitted('wire.entry')),
      refused: JSON.stringify(refused),
    }
    for (const [where, text] of Object.entries(places)) {
      for (const secret of [password, digest, digest.toUpperCase()])
        expect(text.includes(secret), `${where} holds a secret`).toBe(false)
    }
  })
})
