import type { AppError } from '../../shared/errors'
import type { CandidateDetail, Job } from '../../shared/model'
import type { Outcome } from './outcome'

/** What the publisher hands one attempt. */
export interface AttemptContext {
  /** Aborted when the person cancels or pauses an idempotent job mid-send. */
  signal: AbortSignal
  /** Bytes of the request(s) handed to the network so far. */
  progress(sent: number, total: number): void
  /**
   * Non-idempotent performers await this right before the request leaves: it durably marks the
   * job "dispatched", so after a crash a job without the mark is known never to have left.
   */
  dispatching(): Promise<void>
}

/** What a search on the server for an unknown job's post came to. */
export type LookupResult =
  /** Exactly one match: the job is done, with the server's msgnum. */
  | { kind: 'found'; result: NonNullable<Job['result']> }
  /** Several look-alikes: the person says which one is this job's. */
  | { kind: 'several'; candidates: (string | number)[]; details?: CandidateDetail[]; error: AppError }
  /** Searched and not found: never proof the server did not get it (see discuss-find-posted). */
  | { kind: 'none'; error: AppError }
  /** The server offers no listing: only the person can tell. */
  | { kind: 'cannot'; error: AppError }
  /** The search itself failed (network): look again later. */
  | { kind: 'failed'; error: AppError }

export interface LookupContext {
  signal: AbortSignal
  /** msgnums (as strings) other jobs of this account already own: never matched again. */
  claimed: ReadonlySet<string>
}

export interface Performer {
  /** Safe to send twice (webHost.put, saveMessage…); false for newMessage. */
  idempotent: boolean
  run(job: Job, attempt: AttemptContext): Promise<Outcome>
  /** Non-idempotent performers on servers with a listing: find what an unknown job posted. */
  lookup?(job: Job, ctx: LookupContext): Promise<LookupResult>
  /** The person says the job was posted as `msgnum`: the result to record (and record it on the draft). */
  adopt?(job: Job, msgnum: string | number): Promise<NonNullable<Job['result']>>
}
