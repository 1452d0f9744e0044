import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultProfile } from '../../shared/server-profile'
import { UnsupportedError } from '../protocols/unsupported'
import { createXmlRpcClient } from '../xmlrpc/client'
import { openSite, type OpenSite } from './testing/site-fixture'
import { startWeblogSubscriptions, type SiteNotification } from './weblog-subscriptions'

const serverFor = (endpoint: string) => ({ client: createXmlRpcClient(endpoint), profile: defaultProfile() })
const limits = { maxFileSize: 10_000, quota: 100_000, legalExtensions: ['html', 'txt'] }

describe('pleaseNotify subscriptions', () => {
  let s: OpenSite
  beforeAll(async () => {
    s = await openSite('sandbox', limits)
  })
  afterAll(() => s?.close())

  it('registers, keeps the registration on disk, and hands on the server’s callback as a notification', async () => {
    await s.put('watched.html', 'v1')
    const url = (await s.sync()).results.find((r) => r.path === 'watched.html')!.url!
    const received: SiteNotification[] = []
    const subs = await startWeblogSubscriptions({
      dataDir: s.dataDir,
      serverFor,
      onNotification: (n) => received.push(n),
    })
    try {
      await subs.subscriptions.add(s.endpoint, url)
      expect(subs.subscriptions.isActive(s.endpoint, url)).toBe(true)
      const saved = JSON.parse(await readFile(join(s.dataDir, 'subscriptions.json'), 'utf8'))
      expect(saved.subscriptions).toEqual([
        expect.objectContaining({
          server: s.endpoint,
          url,
          registeredAt: expect.any(String),
          expiresAt: expect.any(String),
        }),
      ])
      await s.put('watched.html', 'v2')
      await s.sync()
      await expect.poll(() => received.length, { timeout: 5000 }).toBe(1)
      expect(received[0]).toMatchObject({ server: s.endpoint, url })
    } finally {
      await subs.close()
    }
  })

  it('says plainly when a server does not offer pleaseNotify (PyCS), and keeps the subscription to retry', async () => {
    const pycs = await openSite('pycs', limits)
    const subs = await startWeblogSubscriptions({ dataDir: pycs.dataDir, serverFor, onNotification: () => undefined })
    try {
      const e = await subs.subscriptions
        .add(pycs.endpoint, `${pycs.baseUrl}/users/0000001/index.html`)
        .catch((x: unknown) => x)
      expect(e).toBeInstanceOf(UnsupportedError)
      expect((e as Error).message).toBe('This server does not offer xmlStorageSystem.pleaseNotify.')
      expect(subs.subscriptions.list()).toEqual([
        expect.objectContaining({ registeredAt: null, lastError: (e as Error).message }),
      ])
    } finally {
      await subs.close()
      await pycs.close()
    }
  })
})
