import type { PostFields } from './model'

/**
 * What a post's chosen status says in a list, in words (empty for a plain public post): the same
 * for the core's summaries and the renderer's own, so the list never tells another story.
 */
export function postStatusLabels(d: Pick<PostFields, 'postStatus' | 'sticky' | 'postPassword'>): string[] {
  const out: string[] = []
  if (d.postStatus === 'draft') out.push('Server draft')
  if (d.postStatus === 'pending') out.push('Pending review')
  if (d.postStatus === 'private') out.push('Private')
  if (d.postPassword) out.push('Password')
  if (d.sticky) out.push('Sticky')
  return out
}
