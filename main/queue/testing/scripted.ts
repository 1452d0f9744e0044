import type { Job } from '../../../shared/model'
import type { Outcome } from '../outcome'
import type { AttemptContext, LookupResult, Performer } from '../performer'

export interface Script {
  /** Every attempt, in order: job id and when it ran. */
  runs: { id: string; label: string }[]
  lookups: string[]
  performer: Performer
}

/**
 * A performer whose outcomes the test scripts per job label (queue mechanics only: the real
 * performers are proven against the sandbox and the fault server). An outcome may be a function
 * that receives the attempt context (to report progress, wait for an abort, or mark dispatch).
 */
export function scripted(
  idempotent: boolean,
  outcomes: Record<string, (Outcome | ((a: AttemptContext, job: Job) => Promise<Outcome>))[]>,
  lookups: Record<string, LookupResult[]> = {},
): Script {
  const script: Script = {
    runs: [],
    lookups: [],
    performer: {
      idempotent,
      async run(job, attempt) {
        script.runs.push({ id: job.id, label: job.label })
        const next = outcomes[job.label]?.shift() ?? { kind: 'done', result: { url: `http://x.test/${job.label}` } }
        if (!idempotent) await attempt.dispatching()
        return typeof next === 'function' ? next(attempt, job) : next
      },
      async lookup(job) {
        script.lookups.push(job.label)
        return lookups[job.label]?.shift() ?? { kind: 'none', error: { kind: 'not-found', message: 'not there' } }
      },
    },
  }
  return script
}
