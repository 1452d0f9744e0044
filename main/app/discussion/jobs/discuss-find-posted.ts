import { appError } from '../../../../shared/errors'
import type { JobMessage } from '../../../../shared/model'
import { getMessage, getTopics, type DiscussionLogin, type Topic } from '../../../protocols/discussion'
import { serverTimeToDate } from '../../../xmlrpc/server-time'
import type { LookupResult } from '../../../queue/performer'
import { structToJson } from '../../inspector/xmlrpc-json'
import { sameText } from '../../queue/same-text'

/** Clocks disagree: a post may carry a server time this much before our attempt began. */
export const CLOCK_SKEW_MS = 2 * 60_000
const FIRST_PAGE = 50
const MAX_TOPICS = 3_200

export interface SentMessage extends JobMessage {
  author: string
}

/**
 * Looks for the post an unknown newMessage may have made: same author, title and body, same parent,
 * created after the attempt began (less the skew), not already owned by another job.
 *
 * The rule for "not found" — absence never licenses a re-send. A listing cannot tell "never
 * arrived" from "arrived and still being processed", "stored but changed (Frontier neuters HTML)"
 * or "held for moderation", so `none` only schedules another look and, after the last, asks the
 * person. The server certainly never got a request only when nothing left this machine: dns or no
 * route (offline), connection refused, TLS handshake, our own refusal before sending, or a crash
 * before the durable "dispatched" mark. Those never become unknown: they are retried at once.
 */
export async function findPosted(
  dg: DiscussionLogin,
  sent: SentMessage,
  since: Date,
  claimed: ReadonlySet<string>,
  timeZone = 'UTC',
): Promise<LookupResult> {
  const from = since.getTime() - CLOCK_SKEW_MS
  const created = (t: Topic): number | undefined =>
    t.whenCreated ? serverTimeToDate(t.whenCreated, timeZone).getTime() : undefined
  let topics: Topic[] = []
  let covered = false
  for (let count = FIRST_PAGE; ; count *= 4) {
    topics = await getTopics(dg, count)
    const oldest = topics.length > 0 ? created(topics[topics.length - 1]) : undefined
    covered = topics.length < count || (oldest !== undefined && oldest < from)
    if (covered || count >= MAX_TOPICS) break
  }
  const looksLike = topics.filter((t) => {
    const at = created(t)
    return (
      at !== undefined &&
      at >= from &&
      sameAuthor(t.author, sent.author) &&
      sameTitle(t.title, sent.title) &&
      String(t.inResponseTo) === String(sent.inResponseTo) &&
      !claimed.has(String(t.msgnum))
    )
  })
  const matches: Topic[] = []
  for (const t of looksLike) if (sameText((await getMessage(dg, t.msgnum)).body, sent.body)) matches.push(t)
  if (matches.length === 1) {
    const t = matches[0]
    return { kind: 'found', result: { msgnum: t.msgnum, url: t.url, members: structToJson(t.members) } }
  }
  if (matches.length > 1) {
    const list = matches.map((t) => t.msgnum).join(', ')
    return {
      kind: 'several',
      candidates: matches.map((t) => t.msgnum),
      error: appError(
        'conflict',
        `The server has ${matches.length} messages like this one, posted since it was sent (msgnums ${list}). Say which one is this post, or that none is.`,
      ),
    }
  }
  const reach = covered
    ? `since ${since.toISOString()}`
    : `— the server's listing does not reach back to ${since.toISOString()}`
  return {
    kind: 'none',
    error: appError(
      'not-found',
      `The answer to this post was lost and Upstream did not find it among the ${topics.length} newest messages ${reach}. It may still have been posted: check the group, then say whether it was.`,
    ),
  }
}

const sameAuthor = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase()

/** An empty reply title becomes "Re: " + the parent's on the server (docs/protocols.md §2). */
const sameTitle = (server: string, sent: string): boolean =>
  sent.trim() === '' ? /^re:/i.test(server.trim()) : sameText(server, sent)
