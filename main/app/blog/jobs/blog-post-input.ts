import type { JobPost } from '../../../../shared/model'
import type { BlogPostInput } from '../../../protocols/blog/post-struct'

/** What goes on the wire for a queued post: its body as it stands after the uploads. */
export function postInputOf(p: JobPost, description: string): BlogPostInput {
  const input: BlogPostInput = { title: p.title, description }
  if (p.categories !== undefined) input.categories = p.categories
  if (p.keywords !== undefined) input.keywords = p.keywords
  if (p.excerpt !== undefined) input.excerpt = p.excerpt
  if (p.slug !== undefined) input.slug = p.slug
  if (p.status !== undefined) input.status = p.status
  if (p.date !== undefined) input.date = p.date
  if (p.sticky !== undefined) input.sticky = p.sticky
  if (p.password !== undefined) input.password = p.password
  return input
}
