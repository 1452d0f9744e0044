import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** A per-launch secret: whoever holds it can drive the app, so it is long and random. */
export const makeToken = (): string => randomBytes(32).toString('base64url')

/** Constant-time comparison; hashing first makes lengths equal so nothing leaks through timing. */
export function tokenMatches(expected: string, given: string | undefined): boolean {
  if (typeof given !== 'string' || given.length === 0) return false
  const a = createHash('sha256').update(expected).digest()
  const b = createHash('sha256').update(given).digest()
  return timingSafeEqual(a, b)
}
