import type { TopicSummary } from '../../../../shared/model'
import { getTopics } from '../../../protocols/discussion'
import { detectServerProfile } from '../../../protocols/server-profile-detect'
import { serverTimeToDate } from '../../../xmlrpc/server-time'
import { discussionOf } from '../../accounts/account-login'
import type { AppContext } from '../../core/context'
import { failWith } from '../../core/failure'
import { serverCall } from '../../accounts/server-call'
import { object, string } from '../../core/validate'
import { saveProfile } from '../../accounts/channels/accounts-profile'

const METHOD = 'mainResponder.discuss.getTopics'

/** The group's newest topics, where the server lists getTopics (its shape is Frontier's, not a spec). */
export async function listTopics(ctx: AppContext, input: unknown): Promise<TopicSummary[]> {
  const o = object(input)
  const account = ctx.account(string(o, 'accountId', { max: 200 }))
  const count = o.count === undefined ? 50 : o.count
  if (!Number.isSafeInteger(count) || (count as number) < 1 || (count as number) > 1_000)
    return failWith('invalid-input', '"count" must be a whole number from 1 to 1000.', { field: 'count' })
  const dg = await discussionOf(ctx, account, 'Listing topics')
  if (!dg.profile?.methods) {
    // Never detected (or no introspection last time): ask now, and keep the answer.
    dg.profile = await serverCall(account, 'system.listMethods', () => detectServerProfile(dg.client, account.profile))
    await saveProfile(ctx, account.id, dg.profile)
  }
  const zone = dg.profile.timeZone
  const topics = await serverCall(account, METHOD, () => getTopics(dg, count as number))
  return topics.map((t) => ({
    msgnum: t.msgnum,
    title: t.title,
    ...(t.author ? { author: t.author } : {}),
    ...(t.inResponseTo !== 0 ? { inResponseTo: t.inResponseTo } : {}),
    ...(t.url ? { url: t.url } : {}),
    ...(t.whenCreated ? { whenCreated: serverTimeToDate(t.whenCreated, zone).toISOString() } : {}),
  }))
}
