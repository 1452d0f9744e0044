/**
 * Pieces the channel schemas share. Each schema's messages are predicates about one field ("must be
 * …"): input-error.ts puts the field's name in front, so every refusal reads the same way.
 */
import { z } from 'zod'

/** An id Upstream made (a draft's, a job's, an account's): bounded, so a refusal never echoes a novel. */
export const id = z.string().max(200)

/** A msgnum, post id or blog id as the server gave it: an integer, or printable ASCII text (opaque). */
export const msgnum = z.union(
  [
    z.number().int(),
    z
      .string()
      .min(1)
      .max(200)
      .regex(/^[\x20-\x7e]+$/),
  ],
  {
    error: 'must be the id as the server gave it (a whole number or printable ASCII text)',
  },
)

/** A whole number from 1 to `max`, e.g. how many posts to list. */
export function count(max: number) {
  const error = `must be a whole number from 1 to ${max}`
  return z.number({ error }).int({ error }).min(1, { error }).max(max, { error })
}

/** A channel whose input is void: nothing, or null (what JSON carries for nothing). */
export const none = z
  .null()
  .optional()
  .transform((): void => undefined)

/** An input object that may be left out altogether (`{ … } | void` in the contract). */
export const orNone = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined)

/** An input object of optional fields that may be left out: answered as `{}`. */
export const orEmpty = <T extends z.ZodObject>(schema: T) =>
  schema.nullish().transform((v): z.output<T> => v ?? ({} as z.output<T>))

/** Just the account: most per-account channels take nothing else. */
export const byAccount = z.object({ accountId: id })
