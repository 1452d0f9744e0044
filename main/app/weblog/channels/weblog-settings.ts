import { mkdir } from 'node:fs/promises'
import { isAbsolute } from 'node:path'
import type { WeblogSettings } from '../../../../shared/weblog'
import { loadWeblogConfig, saveWeblogConfig, siteDirOf } from '../../../weblog/config-store'
import type { WeblogConfig } from '../../../weblog/weblog-config'
import type { AppContext } from '../../core/context'
import { failWith } from '../../core/failure'
import { engineTask, weblogAccount } from '../weblog-account'
import { settingsView } from '../weblog-shapes'
import { object, string, type Obj } from '../../core/validate'

/** The default site folder is made on first look, so there is a place to put files; a picked one is left as it is. */
export async function getWeblogSettings(ctx: AppContext, input: unknown): Promise<WeblogSettings> {
  const { account, loc } = weblogAccount(ctx, input)
  const { config, saved } = await engineTask(() => loadWeblogConfig(loc, account.name))
  if (config.siteDir === null) await mkdir(loc.defaultSiteDir, { recursive: true })
  return settingsView(config, siteDirOf(loc, config), saved)
}

/** Changes the fields given (the engine checks the whole), then starts or stops "upstream on change". */
export async function saveWeblogSettings(ctx: AppContext, input: unknown): Promise<WeblogSettings> {
  const o = object(input)
  const { account, loc } = weblogAccount(ctx, o)
  const patch = settingsPatch(o)
  const config = await engineTask(async () => {
    const next = { ...(await loadWeblogConfig(loc, account.name)).config, ...patch }
    await saveWeblogConfig(loc, next)
    return next
  })
  await ctx.weblog.refresh(account.id)
  return settingsView(config, siteDirOf(loc, config), true)
}

function settingsPatch(o: Obj): Partial<WeblogConfig> {
  const patch: Partial<WeblogConfig> = {}
  for (const key of ['title', 'description', 'timeZone'] as const)
    if (o[key] !== undefined) patch[key] = string(o, key, { max: key === 'description' ? 2000 : 200 }).trim()
  if (patch.title === '')
    return failWith('invalid-input', 'Give the weblog a name: it heads every page and titles the feed.', {
      field: 'title',
    })
  if (o.upstreamOnChange !== undefined) {
    if (typeof o.upstreamOnChange !== 'boolean')
      return failWith('invalid-input', '"upstreamOnChange" must be true or false.', { field: 'upstreamOnChange' })
    patch.upstreamOnChange = o.upstreamOnChange
  }
  if (o.pingServers !== undefined) {
    if (
      !Array.isArray(o.pingServers) ||
      o.pingServers.length > 20 ||
      !o.pingServers.every((u) => typeof u === 'string')
    )
      return failWith('invalid-input', '"pingServers" must be a list of at most 20 URLs.', { field: 'pingServers' })
    patch.pingServers = (o.pingServers as string[]).map((u) => u.trim()).filter((u) => u !== '')
  }
  if (o.siteDir !== undefined) patch.siteDir = pickedSiteDir(o)
  return patch
}

/** The site folder is upstreamed whole: it must be a folder the person named in full, never a relative guess. */
function pickedSiteDir(o: Obj): string | null {
  if (o.siteDir === null || o.siteDir === '') return null
  const dir = string(o, 'siteDir', { max: 1000 }).trim()
  if (!isAbsolute(dir))
    return failWith(
      'invalid-input',
      `The site folder "${dir}" is not a full path; give one like /home/me/weblog, or leave it empty for the default.`,
      { field: 'siteDir' },
    )
  return dir
}
