import type { DraftInput, ServerBase, ServerPost, ZonedTime } from '../../../shared/model'
import { snapshotOf } from '../../protocols/blog/post-conflict'
import type { PostSnapshot } from '../../protocols/blog/read-post'
import { dateToServerFields } from '../../xmlrpc/server-time'

/** The plain-JSON server copy a draft keeps as its base. */
export const serverPostOf = (p: PostSnapshot): ServerPost => snapshotOf(p)

export function postBaseOf(p: PostSnapshot, fetchedAt: Date): ServerBase {
  return { title: p.title, body: p.description, fetchedAt: fetchedAt.toISOString(), post: serverPostOf(p) }
}

/**
 * A post from the server as a local draft (HTML, as blogs keep it): its fields become the editor's.
 * Only a scheduled post keeps its date, in the account's zone, stated: re-sending a published
 * post's date changes nothing, but WordPress dates a draft when it is saved, and sending that
 * back on publish would backdate the post to the day the draft was begun.
 */
export function draftInputOfPost(p: PostSnapshot, accountId: string, zone: string): DraftInput {
  const input: DraftInput = {
    kind: 'post',
    format: 'html',
    title: p.title,
    body: p.description,
    accountId,
    categories: [...p.categories],
    tags: [...p.keywords],
    excerpt: p.excerpt,
    slug: p.slug,
    // The blog's own word, kept: a pending or private post opened here stays so when sent back.
    postStatus: p.status === 'draft' || p.status === 'pending' || p.status === 'private' ? p.status : 'publish',
  }
  if (p.status === 'future' && p.dateCreated) input.postDate = zonedOf(new Date(p.dateCreated), zone)
  return input
}

export function zonedOf(at: Date, zone: string): ZonedTime {
  const [y, mo, d, h, mi, s] = dateToServerFields(at, zone).map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'))
  return { wall: `${y}-${mo}-${d}T${h}:${mi}:${s}`, zone }
}
