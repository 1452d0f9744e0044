import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeCall } from '../xmlrpc/encode'
import { MAX_TEXT_BYTES } from './request-caps'
import { openSandbox, type OpenSandbox } from './testing/sandbox-fixture'
import { WeblogUpdates } from './weblog-updates'

let t: OpenSandbox
beforeAll(async () => void (t = await openSandbox({ limits: { maxFileSize: 1024 * 1024 } })))
afterAll(() => t.close())

const post = (xml: string) =>
  fetch(t.sandbox.endpoint, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: xml }).then(
    async (r) => ({ status: r.status, text: await r.text() }),
    // The server may close before the whole body is sent: that is a refusal too.
    () => ({ status: 413, text: '(closed before the body was sent)' }),
  )

describe('what an unauthenticated caller can make the sandbox hold', () => {
  it('refuses a 1 MB ping before reading it, and a ping field over its size with a fault that does not echo it', async () => {
    const big = await post(encodeCall('weblogUpdates.ping', ['x'.repeat(1024 * 1024), 'http://a.example/']))
    expect(big.status).toBe(413)
    const fault = await t.fault('weblogUpdates.ping', 'y'.repeat(5000), 'http://a.example/')
    expect(fault.faultString).toBe('weblogname is 5000 characters; this server takes at most 256.')
    const url = await t.call('weblogUpdates.ping', 'n', 'ftp://' + 'z'.repeat(2000))
    expect(String((url as { message: string }).message).length).toBeLessThan(200)
  })

  it('keeps the updates list within its byte budget however many large pings come', async () => {
    for (let i = 0; i < 120; i++)
      await t.call(
        'weblogUpdates.extendedPing',
        'n'.repeat(256),
        `http://b.example/${i}/${'u'.repeat(2000)}`,
        '',
        `http://b.example/${'f'.repeat(2000)}`,
        't'.repeat(1000),
      )
    const file = join(t.dir, 'weblog-updates.json')
    expect((await stat(file)).size).toBeLessThan(WeblogUpdates.KEEP_BYTES * 1.1)
    const kept = JSON.parse(await readFile(file, 'utf8')) as { url: string }[]
    expect(kept[0].url).toContain('/119/')
    expect(kept.length).toBeLessThan(WeblogUpdates.KEEP)
  })

  it('caps a discussion message by what a message needs, an upload by the advertised file size', async () => {
    const body = 'm'.repeat(MAX_TEXT_BYTES + 100 * 1024)
    const message = await post(encodeCall('mainResponder.discuss.newMessage', ['sandbox', 'a@b.c', 'p', 't', body, 0]))
    expect(message).toMatchObject({ status: 413 })
    // A file of the advertised maximum passes the size gate (and is refused for its sign-in, not its size).
    const file = Buffer.alloc(1024 * 1024, 1)
    const put = await post(
      encodeCall('webHost.put', [
        { username: 'x@y.z', password: 'p', bytes: file, mimeType: 'text/plain', relativePath: 'a.txt' },
      ]),
    )
    expect(put.status).toBe(200)
    expect(put.text).toContain('username or password is incorrect')
    const twice = await post(
      encodeCall('webHost.put', [
        {
          username: 'x@y.z',
          password: 'p',
          bytes: Buffer.alloc(2 * 1024 * 1024),
          mimeType: 'text/plain',
          relativePath: 'a.txt',
        },
      ]),
    )
    expect(twice.status).toBe(413)
  })
})
