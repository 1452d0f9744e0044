import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { defaultProfile } from '../../../shared/server-profile'
import { registerUser } from '../../protocols/register-user'
import { startPycsLike } from '../../protocols/testing/start-pycs-like'
import { startSandbox } from '../../sandbox/sandbox'
import { createXmlRpcClient, type XmlRpcClient } from '../../xmlrpc/client'
import type { XmlRpcValue } from '../../xmlrpc/values'
import type { SiteAccount } from '../site-account'
import { siteLocations } from '../site-locations'
import { syncSite, type SiteSyncOptions } from '../site-sync'
import { saveWeblogConfig } from '../config-store'
import { defaultWeblogConfig, type WeblogConfig } from '../weblog-config'

export type Target = 'sandbox' | 'pycs'

export interface ServerLimits {
  maxFileSize: number
  quota: number
  legalExtensions: string[]
}

/** A real community server (the sandbox or the PyCS-like Python one), a member on it, and a data directory. */
export async function openSite(target: Target, limits: ServerLimits, config: Partial<WeblogConfig> = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'weblog-test-'))
  const email = 'writer@example.com'
  const password = 'pässwörd ✓'
  let endpoint: string
  let baseUrl: string
  let usernum: string | number
  let stop: () => Promise<void>
  if (target === 'sandbox') {
    const sandbox = await startSandbox({
      dir: join(dataDir, 'server'),
      port: 0,
      users: [{ email, password }],
      limits: {
        maxFileSize: limits.maxFileSize,
        maxBytesPerUser: limits.quota,
        legalFileExtensions: limits.legalExtensions,
      },
    })
    ;({ endpoint, baseUrl } = sandbox)
    usernum = sandbox.members.byEmail(email)!.usernum
    stop = () => sandbox.close()
  } else {
    const pycs = await startPycsLike({
      maxFileSize: limits.maxFileSize,
      quota: limits.quota,
      legalExtensions: limits.legalExtensions,
    })
    ;({ endpoint, baseUrl } = pycs)
    usernum = (
      await registerUser(
        { client: createXmlRpcClient(endpoint), profile: { ...defaultProfile(), registerUserArity: 5 } },
        { email, name: 'Writer', password, clientPort: 0 },
      )
    ).usernum
    stop = () => pycs.close()
  }
  const account: SiteAccount = { id: `${target}-weblog`, name: 'Test weblog', url: endpoint, usernum }
  const loc = siteLocations(dataDir, account.id)
  await saveWeblogConfig(loc, { ...defaultWeblogConfig(account.name, 'Europe/Berlin'), ...config })
  const siteDir = config.siteDir ?? loc.defaultSiteDir
  /** Every XML-RPC call made through the sync's clients, in order. */
  const calls: { method: string; params: XmlRpcValue[] }[] = []
  /** The byte size of every request body sent (the Content-Length the transport sets). */
  const requestSizes: number[] = []
  const countingFetch: typeof fetch = (input, init) => {
    requestSizes.push(Number(new Headers(init?.headers).get('content-length') ?? 0))
    return fetch(input, init)
  }
  const clientFor = (url: string): XmlRpcClient => {
    const inner = createXmlRpcClient(url, { fetch: countingFetch })
    return {
      url: inner.url,
      call: (method, params, opts) => (calls.push({ method, params }), inner.call(method, params, opts)),
    }
  }
  return {
    target,
    dataDir,
    loc,
    siteDir,
    account,
    password,
    endpoint,
    baseUrl,
    calls,
    requestSizes,
    clientFor,
    /** The paths sent by each upload call since `from`. */
    uploads: (from = 0) =>
      calls
        .slice(from)
        .filter((c) => /MultipleFiles$/.test(c.method) && !c.method.includes('delete'))
        .map((c) => c.params[2] as string[]),
    deletes: (from = 0) =>
      calls
        .slice(from)
        .filter((c) => c.method === 'xmlStorageSystem.deleteMultipleFiles')
        .map((c) => c.params[2] as string[]),
    async put(path: string, content: string | Buffer) {
      const file = join(siteDir, ...path.split('/'))
      await mkdir(dirname(file), { recursive: true })
      await writeFile(file, content)
    },
    remove: (path: string) => unlink(join(siteDir, ...path.split('/'))),
    sync: (more: Partial<SiteSyncOptions> = {}) => syncSite({ dataDir, account, password, clientFor, ...more }),
    async close() {
      await stop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

export type OpenSite = Awaited<ReturnType<typeof openSite>>
