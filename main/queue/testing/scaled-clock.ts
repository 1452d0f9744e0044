import type { Clock } from '../clock'

/**
 * A clock that runs `factor` times faster than the wall clock, timers included: with 1000, a
 * ten-minute backoff takes 0.6 s, while real network calls (and their timeouts) keep real time.
 */
export function scaledClock(factor: number, start = Date.now(), realStart = start): Clock {
  // Processes given the same start and realStart agree on the time (the crash test's children).
  return {
    now: () => new Date(start + (Date.now() - realStart) * factor),
    setTimeout: (fn, ms) => setTimeout(fn, Math.max(0, ms / factor)),
    clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  }
}
