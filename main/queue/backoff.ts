/**
 * Exponential backoff with full jitter (AWS architecture blog): a random wait in
 * [0, min(cap, base·2^attempt)], so many clients retrying after one outage don't stampede.
 */
export function backoffMs(attempt: number, random: () => number = Math.random, baseMs = 2_000, capMs = 10 * 60_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(random() * ceiling)
}
