import type { Input } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { Account, ConnectionReport } from '../../../../shared/model'
import { defaultProfile, type ServerProfile } from '../../../../shared/server-profile'
import { getTopics } from '../../../protocols/discussion'
import { getInitialResources } from '../../../protocols/initial-resources'
import { getServerCapabilities } from '../../../protocols/server-capabilities'
import { detectServerProfile } from '../../../protocols/server-profile-detect'
import { offers } from '../../../protocols/unsupported'
import { discussionOf, passwordOf } from '../account-login'
import type { AppContext } from '../../core/context'
import { AppFailure } from '../../core/failure'
import { serverCall } from '../server-call'
import { structToJson } from '../../inspector/xmlrpc-json'
import { saveProfile } from './accounts-profile'
import { testBlog } from './connection-test-blog'

const NO_INTROSPECTION =
  'This server offers no introspection (system.listMethods does not answer), so Upstream cannot list what it can do; each method is tried when it is needed.'

/**
 * "Test connection": the server profile (system.listMethods where offered, stored on the account),
 * then what each kind can check without changing anything on the server.
 */
export async function testAccount(ctx: AppContext, input: Input<'accounts.test'>): Promise<ConnectionReport> {
  const account = ctx.account(input.id)
  const report: ConnectionReport = { ok: true, methods: null, notes: [] }
  let profile: ServerProfile
  try {
    const client = await ctx.clientFor(account)
    profile = await serverCall(account, 'system.listMethods', () =>
      detectServerProfile(client, account.profile ?? defaultProfile()),
    )
  } catch (e) {
    return failed(report, e, `Upstream could not talk to ${account.url}.`)
  }
  await saveProfile(ctx, account.id, profile)
  report.methods = profile.methods
  if (profile.methods === null) report.notes.push(NO_INTROSPECTION)
  const known = { ...account, profile }
  try {
    if (account.kind === 'discussion') await testDiscussion(ctx, known, report)
    else if (account.kind === 'community') await testCommunity(ctx, known, report)
    else if (account.kind === 'blog') await testBlog(ctx, known, report)
    else
      report.notes.push(
        `A ${account.kind === 'webhost' ? 'web host' : 'weblog'} has no call that checks the password without publishing: it is checked on the first publish.`,
      )
  } catch (e) {
    return failed(report, e)
  }
  return report
}

function failed(report: ConnectionReport, e: unknown, note?: string): ConnectionReport {
  if (!(e instanceof AppFailure)) throw e
  const error: AppError = e.error
  return { ...report, ok: false, notes: note ? [...report.notes, note] : report.notes, error }
}

async function testDiscussion(ctx: AppContext, account: Account, report: ConnectionReport): Promise<void> {
  const method = 'mainResponder.discuss.getTopics'
  if (offers(account.profile, method) !== true) {
    report.notes.push(
      'This server does not list getTopics: open messages by msgnum. The password is checked on the first publish.',
    )
    return
  }
  const dg = await discussionOf(ctx, account, 'Testing a group')
  const topics = await serverCall(account, method, () => getTopics(dg, 1))
  report.notes.push(
    `Signed in to the group “${account.dgname}”${topics.length > 0 ? '' : ' (no messages yet)'}; recent topics can be listed.`,
  )
}

async function testCommunity(ctx: AppContext, account: Account, report: ConnectionReport): Promise<void> {
  const client = await ctx.clientFor(account)
  const profile = account.profile!
  if (account.usernum === undefined) {
    report.notes.push(
      'Not registered yet: register, or enter your usernum, to see your quota and what the server accepts.',
    )
  } else {
    const password = await passwordOf(ctx, account)
    const caps = await serverCall(account, 'xmlStorageSystem.getServerCapabilities', () =>
      getServerCapabilities({ client, profile, usernum: account.usernum!, password }),
    )
    report.capabilities = structToJson(caps.members)
  }
  try {
    const resources = await serverCall(account, 'radioCommunityServer.getInitialResources', () =>
      getInitialResources(client, profile),
    )
    report.initialResources = structToJson(resources.members)
  } catch (e) {
    // Only weblog links: their absence is worth a note, not a failed test.
    if (!(e instanceof AppFailure)) throw e
    report.notes.push(
      e.error.kind === 'unsupported'
        ? 'This server offers no initial resources (radioCommunityServer.getInitialResources).'
        : `The initial resources could not be read: ${e.error.message}`,
    )
  }
}
