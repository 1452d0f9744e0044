/** The blog channels' inputs (shared/api.ts); dispatch checks them before a handler runs. */
import { z } from 'zod'
import { byAccount, count, id, msgnum } from '../../core/schema-parts'

export const blogSchemas = {
  'blog.blogs': byAccount,
  'blog.categories': byAccount,
  'blog.recentPosts': z.object({ accountId: id, count: count(200).optional() }),
  'blog.openPost': z.object({ accountId: id, postid: msgnum }),
  'blog.deletePost': z.object({ draftId: id, accountId: id.optional() }),
}
