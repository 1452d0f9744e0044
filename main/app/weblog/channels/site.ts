import type { Input } from '../../../../shared/api'
import type { Job } from '../../../../shared/model'
import type { SiteDryRun, SiteStatusView } from '../../../../shared/weblog'
import { passwordKey } from '../../../store/secrets'
import { FEED_PATH, HOME_PATH } from '../../../weblog/site-layout'
import { siteStatus } from '../../../weblog/site-status'
import { syncSite } from '../../../weblog/site-sync'
import { toAppError } from '../../../xmlrpc/to-app-error'
import type { AppContext } from '../../core/context'
import { AppFailure, failWith } from '../../core/failure'
import { returnedUrls } from '../returned-urls'
import { queueSiteSync } from '../site-sync-job'
import { engineTask, weblogAccount } from '../weblog-account'
import { dryRunView, statusView } from '../weblog-shapes'

/** From local files only: no password, no network, nothing written. */
export async function getSiteStatus(ctx: AppContext, input: Input<'site.status'>): Promise<SiteStatusView> {
  const { site, loc } = weblogAccount(ctx, input)
  return engineTask(async () => {
    const urlOf = await returnedUrls(loc, site)
    return statusView(await siteStatus(ctx.dataDir, site), urlOf(HOME_PATH), urlOf(FEED_PATH))
  })
}

/** What a sync would upload, delete and refuse, limits checked with the server; nothing sent or written. */
export async function dryRunSite(ctx: AppContext, input: Input<'site.dryRun'>): Promise<SiteDryRun> {
  const { account, site } = weblogAccount(ctx, input)
  const password =
    (await ctx.secrets.get(passwordKey(account.id))) ??
    failWith(
      'auth',
      `No password is stored for "${account.name}": add it in Accounts → Edit, then try the dry run again.`,
    )
  try {
    const report = await engineTask(() =>
      syncSite({
        dataDir: ctx.dataDir,
        account: site,
        password,
        dryRun: true,
        clientFor: (url) => ctx.clientFor(url === account.url ? account : { ...account, url }),
      }),
    )
    return dryRunView(report)
  } catch (e) {
    if (e instanceof AppFailure) throw e
    throw new AppFailure(
      toAppError(e, { method: 'xmlStorageSystem.getServerCapabilities', url: account.url, account: account.name }),
    )
  }
}

/** Sync now: through the publish queue, like every sync. */
export async function syncSiteNow(ctx: AppContext, input: Input<'site.sync'>): Promise<Job> {
  const { account } = weblogAccount(ctx, input)
  return queueSiteSync(ctx, account)
}
