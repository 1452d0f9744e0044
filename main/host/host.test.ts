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
  const headers = { 'x-upstream-token': host.token }
  return { dataDir, base, headers }
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
    expect((await big.json()).error.kind).toBe('limit')
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
})
