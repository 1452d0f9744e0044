import { BACKOFF_BASE_MS, BACKOFF_CAP_MS } from './policy'

/**
 * Exponential backoff with full jitter (AWS architecture blog): a random wait in
 * [0, min(cap, base·2^(failures−1))], so many clients retrying after one outage don't stampede.
 */
export function backoffMs(
  failures: number,
  random: () => number = Math.random,
  baseMs = BACKOFF_BASE_MS,
  capMs = BACKOFF_CAP_MS,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, Math.min(failures, 40) - 1))
  return Math.round(random() * ceiling)
}
