import { request as httpRequest } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from './fixtures'

/** A raw request, so the Host and Origin headers are exactly what we say. */
function raw(
  port: number,
  path: string,
  headers: Record<string, string>,
  body = '',
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        let text = ''
        res.on('data', (d: Buffer) => (text += d.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

test.describe('the browser host refuses', () => {
  test('an API call without the token (401), and answers with it', async ({ app }) => {
    const host = `127.0.0.1:${app.port}`
    const without = await raw(app.port, '/api/app.info', { host }, '{}')
    expect(without.status).toBe(401)
    expect(JSON.parse(without.body)).toMatchObject({ ok: false, error: { kind: 'auth' } })
    const wrong = await raw(app.port, '/api/app.info', { host, 'x-upstream-token': app.token + 'x' }, '{}')
    expect(wrong.status).toBe(401)
    const withToken = await raw(app.port, '/api/app.info', { host, 'x-upstream-token': app.token }, '{}')
    expect(withToken.status).toBe(200)
    expect(JSON.parse(withToken.body)).toMatchObject({ ok: true, value: { name: 'Upstream' } })
  })

  test('a foreign Host header, as DNS rebinding would send (421)', async ({ app }) => {
    const r = await raw(
      app.port,
      '/api/app.info',
      { host: `evil.example:${app.port}`, 'x-upstream-token': app.token },
      '{}',
    )
    expect([403, 421]).toContain(r.status)
  })

  test('a call from another origin, in the browser and on the wire', async ({ app, page }) => {
    const r = await raw(
      app.port,
      '/api/app.info',
      { host: `127.0.0.1:${app.port}`, origin: 'http://evil.example', 'x-upstream-token': app.token },
      '{}',
    )
    expect(r.status).toBe(403)
    // A real page on another origin that even knows the token cannot read an answer: no CORS.
    const other = createServer((_req, res) => res.end('<!doctype html><title>other</title>'))
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
    try {
      await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`)
      const outcome = await page.evaluate(
        async ({ origin, token }) => {
          try {
            const res = await fetch(`${origin}/api/app.info`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-upstream-token': token },
              body: '{}',
            })
            return `read ${res.status}`
          } catch (e) {
            return `refused: ${String(e)}`
          }
        },
        { origin: app.origin, token: app.token },
      )
      expect(outcome).toMatch(/^refused/)
    } finally {
      other.close()
    }
  })
})

test.describe('launch addresses', () => {
  test('the address opens one tab; the tab keeps a session token of its own, through a reload', async ({
    app,
    browser,
  }) => {
    const url = app.url
    const launch = new URL(url).hash.replace('#token=', '')
    const first = await browser.newPage()
    await first.goto(url)
    await expect(first.getByRole('complementary', { name: 'Drafts' })).toBeVisible()
    const kept = await first.evaluate(() => sessionStorage.getItem('upstream.token'))
    expect(kept).toBeTruthy()
    expect(kept).not.toBe(launch)
    expect(first.url()).not.toContain(launch)
    await first.reload()
    await expect(first.getByRole('complementary', { name: 'Drafts' })).toBeVisible()
    expect(await first.evaluate(() => sessionStorage.getItem('upstream.token'))).toBe(kept)
    // The same address from history, in a new tab: spent, so nothing is stored and calls are refused.
    const second = await browser.newPage()
    await second.goto(url)
    await expect.poll(() => second.evaluate(() => sessionStorage.getItem('upstream.token'))).toBeNull()
    const r = await fetch(`${app.origin}/api-session`, { method: 'POST', headers: { 'x-upstream-launch': launch } })
    expect(r.status).toBe(401)
  })
})
