import type { BlogCallOpts } from './call-blog'
import { readerText } from './html-compare'
import type { BlogLogin } from './blog-login'
import type { BlogPostInput } from './post-struct'
import { getRecentPosts } from './recent-posts'
import type { FetchedPost } from './read-post'
import { zonedToDate } from './zoned-time'

/** Clocks disagree: a post may carry a server time this much before our attempt began. */
export const CLOCK_SKEW_MS = 2 * 60_000

export interface SentPostSearch {
  /** The posts that look like the one sent (same title, and its date or one since the attempt). */
  candidates: FetchedPost[]
  /** How many recent posts were looked at. */
  looked: number
  /** Whether the listing reached back past the attempt; if not, absence says even less. */
  reachesBack: boolean
}

/**
 * After a newPost whose answer was lost: the posts on the blog that may be it. Only candidates —
 * the queue decides, and absence never licenses a re-send (the post may be held, or filtered).
 * WordPress rewrites bodies (kses, <!--more-->), so title and date are what is compared.
 * (A scheduled post's date is its schedule, so one sent dated is matched on that date.)
 */
export async function findSentPosts(
  login: BlogLogin,
  sent: BlogPostInput,
  since: Date,
  opts: BlogCallOpts & { count?: number; now?: Date } = {},
): Promise<SentPostSearch> {
  const { count = 50, now = new Date(), ...callOpts } = opts
  const recent = await getRecentPosts(login, count, callOpts)
  const from = since.getTime() - CLOCK_SKEW_MS
  const until = now.getTime() + CLOCK_SKEW_MS
  const wanted = sent.date ? zonedToDate(sent.date).getTime() : null
  const title = readerText(sent.title)
  const at = (p: FetchedPost) => (p.dateCreated === null ? null : Date.parse(p.dateCreated))
  const candidates = recent.filter((p) => {
    const when = at(p)
    // Titles as a reader sees them: WordPress stores an Author's “Fish & Chips” as “Fish &amp; Chips”.
    if (readerText(p.title) !== title || when === null) return false
    // Undated, the server dates it when it arrives: between the attempt and now.
    return wanted !== null ? Math.abs(when - wanted) < 1000 : when >= from && when <= until
  })
  // Listed newest first: the oldest date shows whether the listing got back to the attempt.
  const oldest = recent.length > 0 ? at(recent[recent.length - 1]) : null
  return { candidates, looked: recent.length, reachesBack: recent.length < count || (oldest !== null && oldest < from) }
}
