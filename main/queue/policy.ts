/** The queue's timings and limits, in one place so the soak and the docs quote the same numbers. */

/** Backoff: full jitter over min(cap, base·2^(n−1)). */
export const BACKOFF_BASE_MS = 2_000
export const BACKOFF_CAP_MS = 10 * 60_000

/** Retryable failures in a row before a person is asked (about an hour at the cap). */
export const MAX_FAILURES = 12

/** A Retry-After longer than this is taken as this: a server's typo must not park a job for a year. */
export const MAX_RETRY_AFTER_MS = 6 * 60 * 60_000

/** How often a job waiting for the network checks whether it is back (a probe, not an attempt). */
export const NETWORK_RECHECK_MS = 15_000

/**
 * When an unknown job is looked for on the server: soon (most lost answers are for posts already
 * committed), then twice more in case the server committed late. After the last, the person decides.
 */
export const LOOKUP_DELAYS_MS = [2_000, 30_000, 5 * 60_000]
