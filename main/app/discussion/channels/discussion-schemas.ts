/** The discussion channels' inputs (shared/api.ts); dispatch checks them before a handler runs. */
import { z } from 'zod'
import { count, id } from '../../core/schema-parts'

export const discussionSchemas = {
  'discussion.topics': z.object({ accountId: id, count: count(1_000).optional() }),
}
