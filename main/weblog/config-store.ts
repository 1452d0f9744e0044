import { readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { atomicWrite } from '../store/atomic-write'
import { ensureDir, nodeFs } from '../store/fs-layer'
import { SiteDataError } from './site-data-error'
import type { SiteLocations } from './site-locations'
import { configProblem, defaultWeblogConfig, parseWeblogConfig, type WeblogConfig } from './weblog-config'

export interface LoadedConfig {
  config: WeblogConfig
  /** False until the settings were first written (the defaults are in use). */
  saved: boolean
}

/** Reads weblog.json over the defaults; a damaged file is an error, never silently replaced. */
export async function loadWeblogConfig(loc: SiteLocations, accountName: string): Promise<LoadedConfig> {
  const defaults = defaultWeblogConfig(accountName)
  let text: string
  try {
    text = await readFile(loc.config, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { config: defaults, saved: false }
    throw e
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    raw = undefined
  }
  const parsed = parseWeblogConfig(raw, defaults)
  if ('problem' in parsed)
    throw new SiteDataError(
      `The weblog settings in ${loc.config} cannot be used: ${parsed.problem}. Fix or remove the file.`,
    )
  return { config: parsed.config, saved: true }
}

export async function saveWeblogConfig(loc: SiteLocations, config: WeblogConfig): Promise<void> {
  const problem = configProblem(config)
  if (problem) throw new RangeError(`Weblog settings not saved: ${problem}.`)
  await ensureDir(nodeFs, dirname(loc.config))
  await atomicWrite(nodeFs, loc.config, JSON.stringify(config, null, 2) + '\n')
}

/** Loads, and writes the defaults the first time, so the time zone in use is on disk, explicit. */
export async function ensureWeblogConfig(loc: SiteLocations, accountName: string): Promise<WeblogConfig> {
  const { config, saved } = await loadWeblogConfig(loc, accountName)
  if (!saved) await saveWeblogConfig(loc, config)
  return config
}

/** The site folder in use: the one picked, else the default inside the data directory. */
export const siteDirOf = (loc: SiteLocations, config: WeblogConfig): string => config.siteDir ?? loc.defaultSiteDir
