/** The queue channels' inputs (shared/api.ts); dispatch checks them before a handler runs. */
import { z } from 'zod'
import { id, msgnum, none, orEmpty } from '../../core/schema-parts'

const oneOrAll = orEmpty(z.object({ jobId: id.optional() }))

export const queueSchemas = {
  'publish.draft': z.object({
    draftId: id,
    accountId: id.optional(),
    inResponseTo: msgnum.optional(),
    dropMissingCategories: z.boolean().optional(),
    submitForReview: z.boolean().optional(),
  }),
  'queue.list': none,
  'queue.retry': z.object({ jobId: id }),
  'queue.pause': oneOrAll,
  'queue.resume': oneOrAll,
  'queue.cancel': z.object({ jobId: id }),
  'queue.resolve': z.discriminatedUnion('answer', [
    // The msgnum is kept exactly as given, type included (docs/protocols.md §2).
    z.object({ jobId: id, answer: z.literal('was-posted'), msgnum }),
    z.object({ jobId: id, answer: z.literal('not-posted') }),
  ]),
}
