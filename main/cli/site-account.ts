import type { Account } from '../../shared/model'
import { openSettings } from '../store/settings'
import { siteAccountOf, type SiteAccount } from '../weblog/site-account'

/** The community account a `site` command names, by name (any case) or id; or why not. */
export function findSiteAccount(
  dataDir: string,
  wanted: string,
): { ok: true; account: SiteAccount } | { ok: false; message: string } {
  const accounts = openSettings(dataDir).get().accounts
  const lower = wanted.toLowerCase()
  const match = accounts.find((a) => a.id === wanted) ?? accounts.find((a) => a.name.toLowerCase() === lower)
  const community = accounts.filter((a) => a.kind === 'community')
  if (!match) return { ok: false, message: `there is no account "${wanted}" in ${dataDir}. ${listed(community)}` }
  try {
    return { ok: true, account: siteAccountOf(match) }
  } catch (e) {
    return { ok: false, message: `${(e as Error).message} ${listed(community)}` }
  }
}

function listed(community: Account[]): string {
  return community.length === 0
    ? 'It has no community-server accounts.'
    : `Community-server accounts: ${community.map((a) => `"${a.name}"`).join(', ')}.`
}
