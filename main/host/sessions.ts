import { makeToken, tokenMatches } from './token'

/**
 * The browser host's two kinds of token (see README "Where your data lives" and docs in host.ts):
 *
 * - A launch token rides in the address `upstream serve` prints (`/#token=…`). It is single-use, so
 *   the copy left in the browser's history or a shell's scrollback opens nothing once used.
 * - A session token is what a tab gets for it (`POST /api-session`); the tab keeps it in
 *   sessionStorage (no cookies, so no ambient authority for cross-site requests) and sends it as
 *   `x-upstream-token` on every call. It lives as long as this process.
 *
 * Both live in memory only. The outstanding launch tokens and the live sessions are capped, oldest
 * dropped first, so minting URLs on demand cannot grow without bound.
 */
export interface HostSessions {
  /** A fresh single-use launch token. */
  mintLaunch(): string
  /** Spends a launch token; answers the new session token, or undefined if it is unknown or spent. */
  exchange(launch: string | undefined): string | undefined
  /** Is this a live session token? */
  accepts(session: string | undefined): boolean
}

export function hostSessions(limits: { launches?: number; sessions?: number } = {}): HostSessions {
  const launches: string[] = []
  const sessions: string[] = []
  const push = (list: string[], token: string, cap: number) => {
    list.push(token)
    if (list.length > cap) list.shift()
    return token
  }
  const find = (list: string[], given: string | undefined) => list.findIndex((t) => tokenMatches(t, given))
  return {
    mintLaunch: () => push(launches, makeToken(), limits.launches ?? 16),
    exchange(launch) {
      const at = find(launches, launch)
      if (at < 0) return undefined
      launches.splice(at, 1)
      return push(sessions, makeToken(), limits.sessions ?? 64)
    },
    accepts: (session) => find(sessions, session) >= 0,
  }
}
