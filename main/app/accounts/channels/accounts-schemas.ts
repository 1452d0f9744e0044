/** The accounts channels' inputs (shared/api.ts); dispatch checks them before a handler runs. */
import { z } from 'zod'
import { id, msgnum, none } from '../../core/schema-parts'

/** '' or null empties a field on purpose (absent keeps the stored value): both arrive as ''. */
const clearable = <T extends z.ZodType>(schema: T) =>
  z.union([z.literal(''), z.null().transform((): '' => ''), schema]).optional()

/** What the person may edit of a server profile; what the values mean is checked against the stored one. */
const profile = z
  .object({
    registerUserArity: z.union([z.literal(5), z.literal(6)]),
    registrationPassword: z.enum(['md5', 'clear']),
    uploadMethod: z.enum(['saveMultipleFiles', 'sendMultipleFiles']),
    passwordEncoding: z.enum(['utf8', 'latin1']),
    timeZone: z.string().max(100),
    methods: z.array(z.string().max(200)).max(10_000).nullable(),
    detectedAt: z.string().max(40).nullable(),
  })
  .partial()

const byId = z.object({ id })

export const accountsSchemas = {
  'accounts.list': none,
  'accounts.save': z
    .object({
      id: id.optional(),
      kind: z.enum(['webhost', 'discussion', 'community', 'blog']),
      name: z.string().max(200),
      // A blog may give only its site's address (siteUrl): the endpoint is found from it.
      url: z.string().max(2_048).optional(),
      username: z.string().max(320),
      dgname: clearable(z.string().max(200)),
      usernum: clearable(msgnum),
      siteUrl: z.string().max(2_048).optional(),
      blogId: clearable(msgnum),
      timeZone: z.string().max(100).optional(),
      password: z.string().max(1_000).optional(),
      profile: profile.nullish().transform((p) => p ?? undefined),
    })
    .refine((a) => a.kind === 'blog' || a.url !== undefined, {
      error: "is missing: give the server's XML-RPC address, e.g. http://example.com/RPC2",
      path: ['url'],
    }),
  'accounts.remove': byId,
  'accounts.test': byId,
  'accounts.register': byId,
  'accounts.forgotPassword': byId,
}
