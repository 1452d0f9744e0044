import type { Clock } from '../clock'

export interface ManualClock extends Clock {
  /** Moves time forward, firing due timers in order, and lets what they start finish. */
  advance(ms: number): Promise<void>
  pending(): number
  /** What "finished" means (the publisher's idle()); default: a few event-loop turns. */
  idle: () => Promise<void>
}

/** A clock that moves only when told: exact backoff times, no waiting. Test-only. */
export function manualClock(start = Date.parse('2026-01-01T00:00:00Z')): ManualClock {
  let now = start
  let seq = 0
  const timers = new Map<number, { at: number; fn: () => void }>()
  const clock: ManualClock = {
    idle: () => settle(),
    now: () => new Date(now),
    setTimeout(fn, ms) {
      const id = ++seq
      timers.set(id, { at: now + Math.max(0, ms), fn })
      return id
    },
    clearTimeout: (h) => void timers.delete(h as number),
    pending: () => timers.size,
    async advance(ms) {
      const end = now + ms
      for (;;) {
        const next = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0]
        if (!next) break
        timers.delete(next[0])
        now = Math.max(now, next[1].at)
        next[1].fn()
        await clock.idle()
      }
      now = end
      await clock.idle()
    },
  }
  return clock
}

/** Lets every queued promise continue (file writes included) before the test looks. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 5))
}
