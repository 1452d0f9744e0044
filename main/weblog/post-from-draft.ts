import type { Draft } from '../../shared/model'
import type { Post } from './post'

export interface PostExtras {
  categories?: string[]
  /** Only for a first publish; a republished post keeps its date (and so its permalink). */
  date?: Date
  path?: string
}

/**
 * A draft of kind 'post' as a post to render. Drafts carry no date or categories (shared/model),
 * so those come from the caller or from the post as last published, which keeps its permalink.
 */
export function postFromDraft(
  draft: Draft,
  previous: Post | undefined,
  extras: PostExtras = {},
  now: Date = new Date(),
): Post {
  if (draft.kind !== 'post') throw new RangeError(`Draft ${draft.id} is a ${draft.kind}, not a weblog post.`)
  const categories = (extras.categories ?? previous?.categories ?? []).map((c) => c.trim()).filter((c) => c !== '')
  const post: Post = {
    id: draft.id,
    title: draft.title,
    body: draft.body,
    format: draft.format,
    date: previous?.date ?? (extras.date ?? now).toISOString(),
    categories: [...new Set(categories)],
    draftId: draft.id,
    updatedAt: now.toISOString(),
  }
  const path = extras.path ?? previous?.path
  if (path !== undefined) post.path = path
  return post
}
