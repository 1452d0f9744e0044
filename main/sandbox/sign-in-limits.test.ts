import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { md5Hex } from './members'
import { MAX_OUTBOX_MAILS } from './outbox'
import { MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_MEMBER, SIGN_IN_WINDOW_MS } from './sign-in-limiter'
import { openSandbox, type OpenSandbox } from './testing/sandbox-fixture'

let t: OpenSandbox
let clock = Date.parse('2025-02-01T00:00:00Z')
beforeAll(async () => {
  t = await openSandbox({ now: () => new Date(clock), users: [{ email: 'a@example.com', password: 'right' }] })
})
afterAll(() => t.close())

const topics = (user: string, password: string) =>
  t.call('mainResponder.discuss.getTopics', 'sandbox', user, password, 1).then(
    () => 'ok',
    (e: { faultString: string }) => e.faultString,
  )

describe('failed sign-ins', () => {
  it('are limited per member: past the limit even the right password waits for the window', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_MEMBER; i++)
      expect(await topics('a@example.com', `guess${i}`)).toMatch(/incorrect/)
    expect(await topics('a@example.com', 'right')).toMatch(/Too many failed sign-ins for "a@example.com"/)
    // xmlStorageSystem's usernum sign-in is the same member's other door, counted on its own key.
    clock += SIGN_IN_WINDOW_MS + 1
    expect(await topics('a@example.com', 'right')).toBe('ok')
  })

  it('are limited per address, across members', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) await topics(`nobody${i}@example.com`, 'x')
    expect(await topics('a@example.com', 'right')).toMatch(/Too many failed sign-ins for 127\.0\.0\.1/)
    const storage = await t
      .call('xmlStorageSystem.getServerCapabilities', '0000001', md5Hex('x'))
      .catch((e: { faultString: string }) => e.faultString)
    expect(storage).toMatch(/Too many failed sign-ins/)
    clock += SIGN_IN_WINDOW_MS + 1
  })
})

describe('the password-mail outbox', () => {
  it(`keeps the newest ${MAX_OUTBOX_MAILS} mails`, async () => {
    for (let i = 0; i < MAX_OUTBOX_MAILS + 5; i++) {
      clock += 1000
      await t.call('xmlStorageSystem.mailPasswordToUser', 'a@example.com')
    }
    const mails = await readdir(join(t.dir, 'outbox'))
    expect(mails).toHaveLength(MAX_OUTBOX_MAILS)
    expect(mails.sort()[0]).toContain(
      new Date(clock - (MAX_OUTBOX_MAILS - 1) * 1000).toISOString().slice(0, 16).replace(/:/g, '-'),
    )
  })
})
