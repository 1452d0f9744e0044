import { join } from 'node:path'
import { struct, type XmlRpcValue } from '../xmlrpc/values'
import type { MethodRegistry, SandboxContext } from './context'
import { XmlRpcFault } from '../xmlrpc/fault'
import { arity, clip, SandboxFault, str } from './params'
import { JsonState } from './state-file'

export interface WeblogUpdate {
  name: string
  url: string
  changesUrl?: string
  feedUrl?: string
  category?: string
  tags?: string
  when: string
  /** How many pings this weblog has sent. */
  count: number
}

/** The most recently updated weblogs first, as weblogs.com kept them; persisted in weblog-updates.json. */
export class WeblogUpdates {
  static readonly KEEP = 100
  /** The kept list's size on disk and in memory, whatever the pings hold. */
  static readonly KEEP_BYTES = 256 * 1024

  private constructor(
    private readonly state: JsonState<WeblogUpdate[]>,
    private readonly now: () => Date,
  ) {}

  static async open(dir: string, now: () => Date = () => new Date()): Promise<WeblogUpdates> {
    const state = await JsonState.open<WeblogUpdate[]>(join(dir, 'weblog-updates.json'), [])
    trim(state.value) // a list an older version let grow is cut down at start, not kept in memory
    return new WeblogUpdates(state, now)
  }

  recent(): readonly WeblogUpdate[] {
    return this.state.value
  }

  /** Puts the weblog at the head of the list (once: a second ping moves it). */
  async record(update: Omit<WeblogUpdate, 'when' | 'count'>): Promise<void> {
    const list = this.state.value
    const at = list.findIndex((u) => u.url === update.url)
    const count = at === -1 ? 1 : list[at].count + 1
    if (at !== -1) list.splice(at, 1)
    list.unshift({ ...update, when: this.now().toISOString(), count })
    trim(list)
    await this.state.save()
  }
}

/** Keeps the newest KEEP pings, and fewer when they would take more than KEEP_BYTES. */
function trim(list: WeblogUpdate[]): void {
  list.splice(WeblogUpdates.KEEP)
  let bytes = Buffer.byteLength(JSON.stringify(list))
  while (list.length > 1 && bytes > WeblogUpdates.KEEP_BYTES) bytes -= Buffer.byteLength(JSON.stringify(list.pop()))
}

/** Field sizes a real weblog never reaches: a name is a title, a URL fits a browser's bar. */
export const PING_FIELD_MAX = {
  weblogname: 256,
  weblogurl: 2048,
  changesurl: 2048,
  feedurl: 2048,
  category: 256,
  tags: 1024,
}

type PingField = keyof typeof PING_FIELD_MAX

/** The ping's string parameters, each within its size (a fault names the field and its size, not its text). */
function pingFields(method: string, params: XmlRpcValue[], names: PingField[], optional: number): string[] {
  arity(method, params, names, optional)
  return params.map((p, i) => {
    const text = str(names[i], p)
    if (text.length > PING_FIELD_MAX[names[i]])
      throw new XmlRpcFault(
        SandboxFault.limit,
        `${names[i]} is ${text.length} characters; this server takes at most ${PING_FIELD_MAX[names[i]]}.`,
      )
    return text
  })
}

const isHttpUrl = (text: string): boolean => {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol)
  } catch {
    return false
  }
}

/**
 * weblogUpdates.ping / extendedPing, answering as weblogs.com did: {flerror, message}, lowercase
 * `flerror`. Any category is accepted (PyCS refuses all but "none"; weblogs.com did not).
 */
export function registerWeblogUpdates(rpc: MethodRegistry, ctx: SandboxContext, updates: WeblogUpdates): void {
  const answer = (flerror: boolean, message: string) => struct({ flerror, message })

  rpc.register(
    'weblogUpdates.ping',
    async (params) => {
      const [name, url, changesUrl, category] = pingFields(
        'weblogUpdates.ping',
        params,
        ['weblogname', 'weblogurl', 'changesurl', 'category'],
        2,
      )
      if (!isHttpUrl(url)) return answer(true, `"${clip(url)}" is not an http URL.`)
      await updates.record({ name, url, ...(changesUrl ? { changesUrl } : {}), ...(category ? { category } : {}) })
      return answer(false, 'Thanks for the ping.')
    },
    {
      signature: [
        ['struct', 'string', 'string'],
        ['struct', 'string', 'string', 'string'],
        ['struct', 'string', 'string', 'string', 'string'],
      ],
      help: `weblogUpdates.ping(weblogname, weblogurl[, changesurl[, category]]) → {flerror, message}. The weblog goes to the head of ${ctx.baseUrl()}/weblogUpdates.`,
    },
  )

  rpc.register(
    'weblogUpdates.extendedPing',
    async (params) => {
      const [name, url, changesUrl, feedUrl, tags] = pingFields(
        'weblogUpdates.extendedPing',
        params,
        ['weblogname', 'weblogurl', 'changesurl', 'feedurl', 'tags'],
        1,
      )
      if (!isHttpUrl(url)) return answer(true, `"${clip(url)}" is not an http URL.`)
      if (!isHttpUrl(feedUrl)) return answer(true, `The feed URL "${clip(feedUrl)}" is not an http URL.`)
      await updates.record({ name, url, feedUrl, ...(changesUrl ? { changesUrl } : {}), ...(tags ? { tags } : {}) })
      return answer(false, 'Thanks for the ping.')
    },
    {
      signature: [
        ['struct', 'string', 'string', 'string', 'string'],
        ['struct', 'string', 'string', 'string', 'string', 'string'],
      ],
      help: 'weblogUpdates.extendedPing(weblogname, weblogurl, changesurl, feedurl[, tags]) → {flerror, message}: ping with the feed’s URL (tags separated by |).',
    },
  )
}
