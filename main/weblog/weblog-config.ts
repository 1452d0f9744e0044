import { isServerTimeZone } from '../../shared/server-profile'

/** One community account's weblog settings: `<data>/sites/<accountId>/weblog.json`. */
export interface WeblogConfig {
  title: string
  description: string
  /** The site folder the user picked; null means the default inside the data directory. */
  siteDir: string | null
  /**
   * Dates on pages and the feed's pubDate are shown in this zone: an IANA name or a fixed offset
   * ("+02:00"). Written into the file at creation, so it never silently follows the machine.
   */
  timeZone: string
  /** BCP 47, for the feed's <language> and the pages' lang attribute. */
  language: string
  homePostCount: number
  feedItemCount: number
  /** weblogUpdates endpoints pinged besides the one the community names. */
  pingServers: string[]
  /** "Upstream on change": sync once the folder has been quiet for settleMs. Off by default. */
  upstreamOnChange: boolean
  settleMs: number
  /**
   * The largest request body sent (XML bytes, base64 included): 1 MiB passes nginx's default
   * client_max_body_size and PHP's post_max_size. A single file larger than this goes alone.
   */
  maxRequestBytes: number
  maxFilesPerRequest: number
}

export function defaultWeblogConfig(
  accountName: string,
  systemZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
): WeblogConfig {
  return {
    title: accountName,
    description: `The weblog of ${accountName}.`,
    siteDir: null,
    timeZone: systemZone,
    language: 'en',
    homePostCount: 15,
    feedItemCount: 15,
    pingServers: [],
    upstreamOnChange: false,
    settleMs: 10_000, // Radio upstreamed every 10 seconds
    maxRequestBytes: 1024 * 1024,
    maxFilesPerRequest: 500,
  }
}

/** Merges what a file holds over the defaults; says what is wrong instead of guessing. */
export function parseWeblogConfig(
  raw: unknown,
  defaults: WeblogConfig,
): { config: WeblogConfig } | { problem: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { problem: 'it is not a JSON object' }
  const c = { ...defaults, ...(raw as Partial<WeblogConfig>) }
  const problem = configProblem(c)
  return problem ? { problem } : { config: c }
}

export function configProblem(c: WeblogConfig): string | null {
  if (typeof c.title !== 'string' || typeof c.description !== 'string')
    return '"title" and "description" must be strings'
  if (c.siteDir !== null && typeof c.siteDir !== 'string') return '"siteDir" must be a folder path or null'
  if (typeof c.timeZone !== 'string' || !isServerTimeZone(c.timeZone))
    return `"timeZone" ${JSON.stringify(c.timeZone)} is not an IANA zone or an offset like +02:00`
  if (typeof c.language !== 'string' || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(c.language))
    return '"language" must be a language tag like en or de-CH'
  for (const key of ['homePostCount', 'feedItemCount', 'settleMs', 'maxFilesPerRequest'] as const) {
    if (!Number.isSafeInteger(c[key]) || c[key] < 1) return `"${key}" must be a positive integer`
  }
  if (!Number.isSafeInteger(c.maxRequestBytes) || c.maxRequestBytes < 4096)
    return '"maxRequestBytes" must be an integer of at least 4096'
  if (!Array.isArray(c.pingServers) || !c.pingServers.every(isHttpUrl))
    return '"pingServers" must be a list of http(s) URLs'
  if (typeof c.upstreamOnChange !== 'boolean') return '"upstreamOnChange" must be true or false'
  return null
}

function isHttpUrl(v: unknown): boolean {
  if (typeof v !== 'string') return false
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol)
  } catch {
    return false
  }
}
