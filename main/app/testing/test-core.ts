import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, vi } from 'vitest'
import type { ChannelName, EventName, Events, Input, Output } from '../../../shared/api'
import type { AppError } from '../../../shared/errors'
import type { Job } from '../../../shared/model'
import { fileSecrets } from '../../store/secrets-file'
import { passwordKey } from '../../store/secrets'
import { createXmlRpcClient } from '../../xmlrpc/client'
import type { XmlRpcValue } from '../../xmlrpc/values'
import { startCore } from '../core/core'
import type { Core, CoreOptions } from '../core/core-types'

export const SANDBOX_DG = 'local-sandbox-discussion'
export const SANDBOX_WEBHOST = 'local-sandbox-webhost'
export const SANDBOX_COMMUNITY = 'local-sandbox-community'

/** A call's input as the renderer passes it: nothing for a void channel. */
type Sent<C extends ChannelName> = Input<C> extends void ? [] : [Input<C>]

const cores: Core[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const c of cores.splice(0).reverse()) await c.close()
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

/** The real core (and its Local sandbox) on a fresh data folder, closed after the test. Test-only. */
export async function testCore(opts: Partial<Pick<CoreOptions, 'fetch' | 'sandbox'>> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'upstream-app-'))
  dirs.push(dir)
  const core = await startCore({ dataDir: dir, face: 'test', ...opts })
  cores.push(core)
  const events: { event: EventName; payload: unknown }[] = []
  const jobs = new Map<string, Job>()
  core.onEvent((event, payload) => {
    events.push({ event, payload })
    if (event === 'queue.job') jobs.set((payload as Job).id, payload as Job)
  })
  /** The value, or the test fails with the error the core answered. Typed by the contract, as the renderer calls. */
  const call = async <C extends ChannelName>(channel: C, ...input: Sent<C>): Promise<Output<C>> => {
    const r = await core.invoke(channel, input[0])
    if (!r.ok) throw Object.assign(new Error(`${channel}: ${r.error.message}`), { error: r.error })
    return r.value
  }
  /** The error, or the test fails because the core accepted. Any input: a refusal is what it is for. */
  const refusal = async (channel: ChannelName, input?: unknown): Promise<AppError> => {
    const r = await core.invoke(channel, input)
    if (r.ok) throw new Error(`${channel} should have been refused, answered ${JSON.stringify(r.value)}`)
    return r.error
  }
  const sandboxPassword = async (): Promise<string> => (await fileSecrets(dir).get(passwordKey(SANDBOX_DG)))!
  const sandboxUrl = core.info.sandboxUrl!
  /** Another client on the sandbox, as the same member (as a second copy of the app would be). */
  const otherClient = async (method: string, ...params: XmlRpcValue[]) =>
    createXmlRpcClient(sandboxUrl).call(method, params)
  const settled = async (jobId: string, state: Job['state'] = 'done', timeout = 15_000): Promise<Job> => {
    await vi.waitFor(() => expect(jobs.get(jobId)?.state).toBe(state), { timeout, interval: 20 })
    return jobs.get(jobId)!
  }
  const emitted = <E extends EventName>(event: E): Events[E][] =>
    events.filter((e) => e.event === event).map((e) => e.payload as Events[E])
  return { dir, core, call, refusal, jobs, settled, emitted, sandboxPassword, sandboxUrl, otherClient }
}
