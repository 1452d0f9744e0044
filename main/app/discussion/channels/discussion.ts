import type { Input } from '../../../../shared/api'
import type { TopicSummary } from '../../../../shared/model'
import { getTopics } from '../../../protocols/discussion'
import { detectServerProfile } from '../../../protocols/server-profile-detect'
import { serverTimeToDate } from '../../../xmlrpc/server-time'
import { discussionOf } from '../../accounts/account-login'
import type { AppContext } from '../../core/context'
import { serverCall } from '../../accounts/server-call'
import { saveProfile } from '../../accounts/channels/accounts-profile'
import { learnMsgnumType } from '../msgnum-types'

const METHOD = 'mainResponder.discuss.getTopics'

/** The group's newest topics, where the server lists getTopics (its shape is Frontier's, not a spec). */
export async function listTopics(ctx: AppContext, input: Input<'discussion.topics'>): Promise<TopicSummary[]> {
  const account = ctx.account(input.accountId)
  const count = input.count ?? 50
  const dg = await discussionOf(ctx, account, 'Listing topics')
  if (!dg.profile?.methods) {
    // Never detected (or no introspection last time): ask now, and keep the answer.
    dg.profile = await serverCall(account, 'system.listMethods', () => detectServerProfile(dg.client, account.profile))
    await saveProfile(ctx, account.id, dg.profile)
  }
  const zone = dg.profile.timeZone
  const topics = await serverCall(account, METHOD, () => getTopics(dg, count))
  if (topics[0]) await learnMsgnumType(ctx.dataDir, account.id, topics[0].msgnum).catch(() => {})
  return topics.map((t) => ({
    msgnum: t.msgnum,
    title: t.title,
    ...(t.author ? { author: t.author } : {}),
    ...(t.inResponseTo !== 0 ? { inResponseTo: t.inResponseTo } : {}),
    ...(t.url ? { url: t.url } : {}),
    ...(t.whenCreated ? { whenCreated: serverTimeToDate(t.whenCreated, zone).toISOString() } : {}),
  }))
}
