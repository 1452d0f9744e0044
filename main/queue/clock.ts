/** The queue's sense of time: injectable, so a soak test can run hours of backoff in seconds. */
export interface Clock {
  now(): Date
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
}

export const after = (now: Date, ms: number): string => new Date(now.getTime() + ms).toISOString()
