import { createHash } from 'node:crypto'
import type { BlogCredentials } from './blog-login'
import type { BlogFault } from './blog-fault'

/**
 * Logins a blog refused, so the same user name and password are not tried again: WordPress sites
 * lock accounts out after a few failures (and attackers brute-force through multicall), so one
 * refusal per password is all we send. A new password, forget(), or an hour makes it go out again.
 */
const REMEMBER_MS = 60 * 60_000
const refused = new Map<string, { fault: BlogFault; at: number }>()

// The password only as a digest: this map must not become a second copy of the secret.
const keyOf = (c: BlogCredentials): string =>
  createHash('sha256').update(`${c.client.url}\n${c.username}\n${c.password}`).digest('hex')

/** The refusal remembered for exactly these credentials, if any. */
export function refusalFor(c: BlogCredentials, now = Date.now()): BlogFault | undefined {
  const key = keyOf(c)
  const entry = refused.get(key)
  if (entry && now - entry.at > REMEMBER_MS) refused.delete(key)
  else return entry?.fault
  return undefined
}

export function rememberRefusal(c: BlogCredentials, fault: BlogFault, now = Date.now()): void {
  refused.set(keyOf(c), { fault, at: now })
}

/** The person says "try again" (the password was fixed on the server, say). */
export function forgetRefusal(c: BlogCredentials): void {
  refused.delete(keyOf(c))
}
