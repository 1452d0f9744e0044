import type { Job } from '../../shared/model'
import { backoffMs } from './backoff'
import { after } from './clock'
import type { LookupResult } from './performer'
import { LOOKUP_DELAYS_MS } from './policy'
import { amend, transition } from './transition'

/**
 * An unknown job after a search on the server. Found → done; several → the person picks; not found
 * → look again later, and after the last scheduled look the person decides. Nothing here re-sends:
 * absence from a listing never proves the server did not get the request.
 */
export function settleLookup(job: Job, found: LookupResult, now: Date, random: () => number): Job {
  const u = job.uncertain ?? { since: job.attemptStartedAt ?? job.updatedAt, lookups: 0, status: 'searching' as const }
  switch (found.kind) {
    case 'found':
      return transition(job, 'done', now, `Found on the server as msgnum ${found.result.msgnum}.`, {
        result: found.result,
        error: undefined,
        nextAttemptAt: undefined,
        uncertain: undefined,
        failures: 0,
      })
    case 'several':
      return transition(job, 'needs-attention', now, found.error.message, {
        error: found.error,
        nextAttemptAt: undefined,
        uncertain: {
          ...u,
          status: 'ask-user',
          candidates: found.candidates,
          ...(found.details ? { candidateDetails: found.details } : {}),
        },
      })
    case 'none': {
      const lookups = u.lookups + 1
      const next = LOOKUP_DELAYS_MS[lookups]
      if (next === undefined)
        return amend(job, now, {
          error: found.error,
          nextAttemptAt: undefined,
          uncertain: { ...u, lookups, status: 'ask-user' },
        })
      return amend(job, now, { error: found.error, nextAttemptAt: after(now, next), uncertain: { ...u, lookups } })
    }
    case 'cannot':
      return amend(job, now, { error: found.error, nextAttemptAt: undefined, uncertain: { ...u, status: 'ask-user' } })
    case 'failed': {
      // The search did not happen: it does not count as one; try it again with backoff.
      const failures = (job.failures ?? 0) + 1
      return amend(job, now, { error: found.error, failures, nextAttemptAt: after(now, backoffMs(failures, random)) })
    }
  }
}
