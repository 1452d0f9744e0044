import { mkdir } from 'node:fs/promises'
import { isAbsolute } from 'node:path'
import type { Input } from '../../../../shared/api'
import type { WeblogSettings } from '../../../../shared/weblog'
import { loadWeblogConfig, saveWeblogConfig, siteDirOf } from '../../../weblog/config-store'
import type { WeblogConfig } from '../../../weblog/weblog-config'
import type { AppContext } from '../../core/context'
import { failWith } from '../../core/failure'
import { engineTask, weblogAccount } from '../weblog-account'
import { settingsView } from '../weblog-shapes'

/** The default site folder is made on first look, so there is a place to put files; a picked one is left as it is. */
export async function getWeblogSettings(ctx: AppContext, input: Input<'weblog.settings.get'>): Promise<WeblogSettings> {
  const { account, loc } = weblogAccount(ctx, input)
  const { config, saved } = await engineTask(() => loadWeblogConfig(loc, account.name))
  if (config.siteDir === null) await mkdir(loc.defaultSiteDir, { recursive: true })
  return settingsView(config, siteDirOf(loc, config), saved)
}

/** Changes the fields given (the engine checks the whole), then starts or stops "upstream on change". */
export async function saveWeblogSettings(
  ctx: AppContext,
  input: Input<'weblog.settings.save'>,
): Promise<WeblogSettings> {
  const { account, loc } = weblogAccount(ctx, input)
  const patch = settingsPatch(input)
  const config = await engineTask(async () => {
    const next = { ...(await loadWeblogConfig(loc, account.name)).config, ...patch }
    await saveWeblogConfig(loc, next)
    return next
  })
  await ctx.weblog.refresh(account.id)
  return settingsView(config, siteDirOf(loc, config), true)
}

type SettingsInput = Input<'weblog.settings.save'>

function settingsPatch(o: SettingsInput): Partial<WeblogConfig> {
  const patch: Partial<WeblogConfig> = {}
  for (const key of ['title', 'description', 'timeZone'] as const) if (o[key] !== undefined) patch[key] = o[key].trim()
  if (patch.title === '')
    return failWith('invalid-input', 'Give the weblog a name: it heads every page and titles the feed.', {
      field: 'title',
    })
  if (o.upstreamOnChange !== undefined) patch.upstreamOnChange = o.upstreamOnChange
  if (o.pingServers !== undefined) patch.pingServers = o.pingServers.map((u) => u.trim()).filter((u) => u !== '')
  if (o.siteDir !== undefined) patch.siteDir = pickedSiteDir(o.siteDir)
  return patch
}

/** The site folder is upstreamed whole: it must be a folder the person named in full, never a relative guess. */
function pickedSiteDir(siteDir: string | null): string | null {
  if (siteDir === null || siteDir === '') return null
  const dir = siteDir.trim()
  if (!isAbsolute(dir))
    return failWith(
      'invalid-input',
      `The site folder "${dir}" is not a full path; give one like /home/me/weblog, or leave it empty for the default.`,
      { field: 'siteDir' },
    )
  return dir
}
