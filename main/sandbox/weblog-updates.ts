import { join } from 'node:path'
import { struct } from '../xmlrpc/values'
import type { MethodRegistry, SandboxContext } from './context'
import { arity, str } from './params'
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

  private constructor(
    private readonly state: JsonState<WeblogUpdate[]>,
    private readonly now: () => Date,
  ) {}

  static async open(dir: string, now: () => Date = () => new Date()): Promise<WeblogUpdates> {
    return new WeblogUpdates(await JsonState.open<WeblogUpdate[]>(join(dir, 'weblog-updates.json'), []), now)
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
    list.splice(WeblogUpdates.KEEP)
    await this.state.save()
  }
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
      arity('weblogUpdates.ping', params, ['weblogname', 'weblogurl', 'changesurl', 'category'], 2)
      const [name, url, changesUrl, category] = params.map((p, i) =>
        str(['weblogname', 'weblogurl', 'changesurl', 'category'][i], p),
      )
      if (!isHttpUrl(url)) return answer(true, `"${url}" is not an http URL.`)
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
      arity('weblogUpdates.extendedPing', params, ['weblogname', 'weblogurl', 'changesurl', 'feedurl', 'tags'], 1)
      const [name, url, changesUrl, feedUrl, tags] = params.map((p, i) =>
        str(['weblogname', 'weblogurl', 'changesurl', 'feedurl', 'tags'][i], p),
      )
      if (!isHttpUrl(url)) return answer(true, `"${url}" is not an http URL.`)
      if (!isHttpUrl(feedUrl)) return answer(true, `The feed URL "${feedUrl}" is not an http URL.`)
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
