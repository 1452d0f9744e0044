import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createXmlRpcClient } from '../../xmlrpc/client'
import { XmlRpcFault } from '../../xmlrpc/fault'
import type { XmlRpcValue } from '../../xmlrpc/values'
import { md5Hex } from '../members'
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox'

/** A sandbox in a fresh temp folder for one test file, with a client and helpers. */
export async function openSandbox(opts: Partial<SandboxOptions> = {}) {
  const dir = opts.dir ?? (await mkdtemp(join(tmpdir(), 'sandbox-test-')))
  let sandbox: Sandbox = await startSandbox({ port: 0, ...opts, dir })
  const call = (method: string, ...params: XmlRpcValue[]) => createXmlRpcClient(sandbox.endpoint).call(method, params)
  return {
    dir,
    get sandbox() {
      return sandbox
    },
    call,
    /** The fault a call ends in (fails the test when it succeeds). */
    async fault(method: string, ...params: XmlRpcValue[]): Promise<XmlRpcFault> {
      const outcome = await call(method, ...params).then(
        (v) => v,
        (e: unknown) => e,
      )
      if (!(outcome instanceof XmlRpcFault)) throw new Error(`${method} should have faulted, got ${String(outcome)}`)
      return outcome
    },
    /** Registers through xmlStorageSystem and returns [usernum, digest]. */
    async register(email: string, password: string): Promise<[string, string]> {
      const r = (await call(
        'xmlStorageSystem.registerUser',
        email,
        email.split('@')[0],
        md5Hex(password),
        5335,
        'vitest',
      )) as { usernum: string }
      return [r.usernum, md5Hex(password)]
    },
    async get(path: string, init?: RequestInit) {
      const res = await fetch(path.startsWith('http') ? path : sandbox.baseUrl + path, { redirect: 'manual', ...init })
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        headers: res.headers,
        bytes: Buffer.from(await res.arrayBuffer()),
      }
    },
    async restart(more: Partial<SandboxOptions> = {}) {
      await sandbox.close()
      sandbox = await startSandbox({ port: 0, ...opts, ...more, dir })
    },
    async close() {
      await sandbox.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

export type OpenSandbox = Awaited<ReturnType<typeof openSandbox>>
