import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COMMENTS_PER_MINUTE } from './comments'
import { openSandbox, type OpenSandbox } from './testing/sandbox-fixture'

let t: OpenSandbox
let clock = Date.parse('2025-01-01T00:00:00Z')
beforeAll(async () => void (t = await openSandbox({ now: () => new Date(clock) })))
afterAll(() => t.close())

const form = (text: string, headers: Record<string, string> = {}) =>
  t.get('/comments?u=0000001&p=7', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ name: 'n', text }).toString(),
  })

describe('/comments', () => {
  it('refuses posts from another site (Origin or Referer), takes its own page’s and non-browser ones', async () => {
    expect((await form('x', { origin: 'http://evil.example' })).status).toBe(403)
    expect((await form('x', { referer: 'http://evil.example/page' })).status).toBe(403)
    expect((await form('ours', { origin: t.sandbox.baseUrl, referer: `${t.sandbox.baseUrl}/comments` })).status).toBe(
      303,
    )
    expect((await form('script')).status).toBe(303)
  })

  it('caps the form’s size and each address’s rate; appends each comment as one line, rewriting none', async () => {
    expect((await form('z'.repeat(20 * 1024))).status).toBe(413)
    clock += 120_000
    const log = join(t.dir, 'comments.jsonl')
    const before = await readFile(log, 'utf8')
    for (let i = 0; i < COMMENTS_PER_MINUTE; i++) expect((await form(`c${i}`)).status).toBe(303)
    const limited = await form('one too many')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('60')
    const after = await readFile(log, 'utf8')
    expect(after.startsWith(before)).toBe(true)
    expect(after.split('\n').filter(Boolean)).toHaveLength(2 + COMMENTS_PER_MINUTE)
    clock += 61_000
    expect((await form('later')).status).toBe(303)
    await t.restart()
    const page = (await t.get('/comments?u=0000001&p=7')).bytes.toString()
    expect(page).toContain('later')
    expect(page).toContain('c9')
  })
})
