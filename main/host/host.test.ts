import { mkdtempSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../app/core/core-types'
import { ok } from '../../shared/result'
import { startHost, type Host } from './host'
import { stagingDir } from '../store/stage'

// A core that echoes, so these tests are about the host's own rules.
function echoCore(dataDir: string): Core {
  return {
    info: { name: 'Upstream', version: 't', dataDir, face: 'test', secretsEncrypted: false },
    invoke: async (channel, input) => ok({ channel, input }) as never,
    isChannel: (name: string): name is never => name === 'app.info',
    onEvent: () => () => {},
    close: async () => {},
  }
}

let host: Host | undefined
afterEach(async () => host?.close())

async function start(opts: { maxJsonBytes?: number; maxStageBytes?: number } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'upstream-host-'))
  const rendererDir = join(dataDir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>')
  host = await startHost({ core: echoCore(dataDir), port: 0, rendererDir, ...opts })
  const base = `http://127.0.0.1:${host.port}`
  const headers = { 'x-upstream-token': (await exchange(base, launchToken(host.url))).token! }
  return { dataDir, base, headers }
}

const launchToken = (url: string) => new URL(url).hash.replace('#token=', '')

async function exchange(base: string, launch: string): Promise<{ status: number; token?: string }> {
  const r = await fetch(`${base}/api-session`, { method: 'POST', headers: { 'x-upstream-launch': launch } })
  const body = (await r.json()) as { ok: boolean; value?: { token: string } }
  return { status: r.status, token: body.value?.token }
}

describe('the browser host', () => {
  it('serves the renderer with a CSP header and refuses paths outside it', async () => {
    const { base } = await start()
    const page = await fetch(`${base}/`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect((await fetch(`${base}/..%2f..%2fetc%2fpasswd`)).status).toBe(404)
  })

  it('answers calls with a Result, and refuses unknown channels, non-JSON and oversized bodies', async () => {
    const { base, headers } = await start({ maxJsonBytes: 1000 })
    const json = { ...headers, 'content-type': 'application/json' }
    const r = await fetch(`${base}/api/app.info`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ input: { a: 1 } }),
    })
    expect(await r.json()).toEqual({ ok: true, value: { channel: 'app.info', input: { a: 1 } } })
    expect((await fetch(`${base}/api/constructor`, { method: 'POST', headers: json, body: '{}' })).status).toBe(404)
    expect(
      (
        await fetch(`${base}/api/app.info`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'text/plain' },
          body: '{}',
        })
      ).status,
    ).toBe(415)
    const big = await fetch(`${base}/api/app.info`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ input: 'x'.repeat(2000) }),
    })
    expect(big.status).toBe(413)
    expect(((await big.json()) as { error: { kind: string } }).error.kind).toBe('limit')
  })

  it('streams large uploads to the staging folder and answers with a file id', async () => {
    const { base, headers, dataDir } = await start({ maxStageBytes: 8 * 1024 * 1024 })
    const bytes = Buffer.alloc(5 * 1024 * 1024, 7)
    const r = await fetch(`${base}/api-stage?name=a.bin`, { method: 'POST', headers, body: bytes })
    const { value } = (await r.json()) as { value: { fileId: string; size: number } }
    expect(value.size).toBe(bytes.length)
    expect(readFileSync(join(stagingDir(dataDir), value.fileId)).equals(bytes)).toBe(true)
    const tooBig = await fetch(`${base}/api-stage`, { method: 'POST', headers, body: Buffer.alloc(9 * 1024 * 1024) })
    expect(tooBig.status).toBe(413)
  })

  it('spends a launch token once for a session token, and mints fresh launch addresses on demand', async () => {
    const { base, headers } = await start()
    const call = (token: string) =>
      fetch(`${base}/api/app.info`, {
        method: 'POST',
        headers: { 'x-upstream-token': token, 'content-type': 'application/json' },
        body: '{}',
      })
    // The first launch token was spent by start(): neither a second exchange nor the token itself works.
    const spent = launchToken(host!.url)
    expect((await exchange(base, spent)).status).toBe(401)
    expect((await call(spent)).status).toBe(401)
    expect((await call(headers['x-upstream-token'])).status).toBe(200)
    // A fresh address from the session (for another tab) and one from the process (printed on demand).
    const minted = await fetch(`${base}/api-launch`, { method: 'POST', headers })
    const { value } = (await minted.json()) as { value: { url: string } }
    for (const url of [value.url, host!.launchUrl()]) {
      const second = await exchange(base, launchToken(url))
      expect(second.status).toBe(200)
      expect(second.token).not.toBe(headers['x-upstream-token'])
      expect((await call(second.token!)).status).toBe(200)
      expect((await exchange(base, launchToken(url))).status).toBe(401)
    }
    // Without a session, no fresh address; the exchange only answers POST.
    expect((await fetch(`${base}/api-launch`, { method: 'POST' })).status).toBe(401)
    expect((await fetch(`${base}/api-session?x=${launchToken(host!.launchUrl())}`)).status).toBe(405)
  })
})

describe('the browser host and odd URLs', () => {
  it('answers a malformed % in a URL with 400, not 500', async () => {
    const { base } = await start()
    for (const path of ['/%zz', '/assets/%E0%A4%A', '/api/app.info%']) {
      const r = await fetch(`${base}${path}`)
      expect(r.status).toBe(400)
      expect(((await r.json()) as { error: { kind: string } }).error.kind).toBe('invalid-input')
    }
  })
})
