/** The drafts channels' inputs (the contract's words: shared/api.ts); dispatch checks them before a handler runs. */
import { z } from 'zod'
import { id, msgnum, orEmpty, orNone } from '../../core/schema-parts'

const kind = z.enum(['message', 'page', 'post'])
const format = z.enum(['html', 'markdown', 'text'])
const names = z.array(z.string().max(200)).max(500)

// Weblog post fields: their meaning (a comma in a tag, a date that does not exist) is the store's to check.
const postFields = {
  categories: names.optional(),
  tags: names.optional(),
  excerpt: z.string().max(10_000).optional(),
  slug: z.string().max(200).optional(),
  postDate: z
    .object({ wall: z.string().max(40), zone: z.string().max(100) })
    .nullable()
    .optional(),
  postStatus: z.enum(['publish', 'draft', 'pending', 'private']).optional(),
  sticky: z.boolean().optional(),
  postPassword: z.string().max(255).optional(),
}

/** Printable, no path separators: the name is shown, and sent as the enclosure's address. */
const enclosureName = z
  .string()
  .max(255)
  .refine((n) => !['', '.', '..'].includes(n.trim()) && !/[/\\\x00-\x1f\x7f]/.test(n.trim()), {
    error: 'cannot name an enclosure: use a file name without slashes or control characters',
  })

export const draftsSchemas = {
  'drafts.list': orNone(
    z.object({ text: z.string().max(1_000).optional(), accountId: id.optional(), kind: kind.optional() }),
  ),
  'drafts.get': z.object({ id }),
  'drafts.save': z.object({
    kind,
    format,
    title: z.string().max(1_000),
    body: z.string(),
    id: id.optional(),
    accountId: id.nullable().optional(),
    relativePath: z.string().max(1_024).optional(),
    mimeType: z.string().max(200).optional(),
    // The parent's msgnum exactly as the server gave it, or 0 for a new thread.
    inResponseTo: msgnum.optional(),
    ...postFields,
  }),
  'drafts.render': z.object({ format, body: z.string() }),
  'drafts.openFromServer': z.object({ accountId: id, msgnum }),
  'drafts.resolveConflict': z
    .object({
      draftId: id,
      choice: z.enum(['mine', 'theirs', 'merged']),
      title: z.string().max(1_000).optional(),
      body: z.string().optional(),
    })
    .refine((v) => v.choice !== 'merged' || (v.title !== undefined && v.body !== undefined), {
      error: 'and "body" must both be given for a merged text',
      path: ['title'],
    }),
  'drafts.attach': z.object({
    draftId: id,
    fileId: z
      .string()
      .max(100)
      .regex(/^[A-Za-z0-9-]+$/, { error: 'must be the id the staging upload answered' }),
    name: enclosureName,
    type: z
      .union(
        [
          z.literal(''),
          z
            .string()
            .max(200)
            .regex(/^[\w.+-]+\/[\w.+-]+$/),
        ],
        {
          error: 'must be a MIME type such as "image/png"',
        },
      )
      .optional(),
  }),
  'drafts.detach': z.object({ draftId: id, name: z.string().max(255) }),
  'drafts.export': orEmpty(z.object({ id: id.optional() })),
  'drafts.versions': z.object({ id }),
  'drafts.version': z.object({ id, key: z.string().max(100) }),
}
