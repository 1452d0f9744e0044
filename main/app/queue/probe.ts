import type { Job } from '../../../shared/model'
import { TransportError } from '../../xmlrpc/errors'
import type { PerformerDeps } from '../core/performer-deps'

const PROBE_TIMEOUT_MS = 5_000
const OFFLINE_SYS = /^(ENETUNREACH|EHOSTUNREACH|ENETDOWN|EAI_AGAIN|ERR_INTERNET_DISCONNECTED|ERR_ADDRESS_UNREACHABLE)$/

/**
 * Is the network back for this job's server? One cheap call (system.listMethods) through the
 * account's own client, so proxies and the wire log apply. Any answer, even a fault, an HTTP error
 * or a refused connection, means the network works; only dns, no route or silence mean it doesn't.
 */
export function probeFor(deps: PerformerDeps): (job: Job) => Promise<boolean> {
  return async (job) => {
    let client
    try {
      client = await deps.client(deps.account(job.accountId))
    } catch {
      return true // no account to probe: let the attempt say what is wrong
    }
    try {
      await client.call('system.listMethods', [], { timeoutMs: PROBE_TIMEOUT_MS })
      return true
    } catch (e) {
      if (!(e instanceof TransportError)) return true // a fault, a malformed or slow answer: something answered
      return !(e.code === 'dns' || e.code === 'timeout' || OFFLINE_SYS.test(e.sysCode ?? ''))
    }
  }
}
