/** The weblog and site channels' inputs (shared/api.ts); dispatch checks them before a handler runs. */
import { z } from 'zod'
import { byAccount, id, orNone } from '../../core/schema-parts'

const subscription = z.object({ accountId: id, url: z.string().max(2_000) })

export const weblogSchemas = {
  'weblog.posts.list': byAccount,
  'weblog.posts.publish': z.object({
    accountId: id,
    draftId: id,
    categories: z.array(z.string().max(200)).max(100).optional(),
  }),
  'weblog.posts.remove': z.object({ accountId: id, id }),
  'weblog.settings.get': byAccount,
  // Only the fields given change; what they mean (a real zone, an absolute folder) is checked on save.
  'weblog.settings.save': z.object({
    accountId: id,
    title: z.string().max(200).optional(),
    description: z.string().max(2_000).optional(),
    timeZone: z.string().max(200).optional(),
    upstreamOnChange: z.boolean().optional(),
    pingServers: z.array(z.string().max(2_000)).max(20).optional(),
    siteDir: z.string().max(1_000).nullable().optional(),
  }),
  'site.status': byAccount,
  'site.dryRun': byAccount,
  'site.sync': byAccount,
  'site.subscribe': subscription,
  'site.unsubscribe': subscription,
  'site.subscriptions': orNone(z.object({ accountId: id.optional() })),
}
