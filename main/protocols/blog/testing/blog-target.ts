import { dateToServerFields } from '../../../xmlrpc/server-time'
import type { ServerView } from './server-view'

/** A blog server the suite runs against. */
export interface BlogTarget {
  endpoint: string
  username: string
  password: string
  /** The server's zone for bare dateCreated values: the account profile's timeZone. */
  timeZone: string
  /** Two category names the blog has. */
  categories: [string, string]
  view: ServerView
  close(): Promise<void>
}

/** 'YYYY-MM-DD HH:MM:SS' in a zone: how WordPress's post_date column reads. */
export function serverTimeWall(at: Date, zone: string): string {
  const [y, mo, d, h, mi, s] = dateToServerFields(at, zone).map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'))
  return `${y}-${mo}-${d} ${h}:${mi}:${s}`
}
