import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { md5Hex } from './members'
import { openSandbox, type OpenSandbox } from './testing/sandbox-fixture'

let t: OpenSandbox
beforeAll(async () => void (t = await openSandbox({ users: [{ email: 'e@example.com', password: 'pw' }] })))
afterAll(() => t.close())

// Within every method's request cap (16 kB for the smallest), so each is answered, not refused with 413.
const big = 'Q'.repeat(10_000)
const text = (v: unknown) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))

describe('answers never echo a whole bad input', () => {
  it.each([
    ['mainResponder.discuss.getTopics', [big, 'e@example.com', 'pw', 1]],
    ['mainResponder.discuss.getTopics', ['sandbox', big, 'pw', 1]],
    ['mainResponder.discuss.getMessage', ['sandbox', 'e@example.com', 'pw', big]],
    [
      'webHost.put',
      [{ username: 'e@example.com', password: 'pw', bytes: Buffer.from('x'), mimeType: big, relativePath: 'a.html' }],
    ],
    [
      'webHost.put',
      [
        {
          username: 'e@example.com',
          password: 'pw',
          bytes: Buffer.from('x'),
          mimeType: 'text/html',
          relativePath: `/${big.slice(0, 1000)}`,
        },
      ],
    ],
    ['xmlStorageSystem.getServerCapabilities', [big, md5Hex('pw')]],
    ['xmlStorageSystem.mailPasswordToUser', [big]],
    ['xmlStorageSystem.registerUser', [big, 'n', md5Hex('pw'), 1, 'ua']],
    ['xmlStorageSystem.pleaseNotify', ['x.y', 9, '/RPC2', big, ['http://127.0.0.1/a']]],
  ])('%s', async (method, params) => {
    const outcome = await t
      .call(method, ...(params as never[]))
      .then(text, (e: { faultString?: string; message: string }) => e.faultString ?? e.message)
    expect(outcome.length).toBeLessThan(600)
  })
})
