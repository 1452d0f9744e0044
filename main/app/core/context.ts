import type { AppInfo } from '../../../shared/api'
import type { Account } from '../../../shared/model'
import type { DraftStore } from '../../store/drafts'
import type { SecretsDriver } from '../../store/secrets'
import type { SettingsStore } from '../../store/settings-types'
import type { JobStore } from '../../queue/job-store'
import type { Publisher } from '../../queue/publisher'
import type { XmlRpcClient } from '../../xmlrpc/client'
import type { EventBus } from './event-bus'
import type { WireLogStore } from '../inspector/wire-log-store'
import type { WeblogRuntime } from '../weblog/weblog-runtime'
import type { NoticeHistory } from '../notifications/notification-history'

/** Everything a handler may use: built once by startCore, passed to every handler. */
export interface AppContext {
  info: AppInfo
  dataDir: string
  settings: SettingsStore
  secrets: SecretsDriver
  drafts: DraftStore
  jobs: JobStore
  publisher: Publisher
  events: EventBus
  wire: WireLogStore
  /** The face's fetch (Electron's net.fetch): for reading web pages, such as a blog's home page. */
  fetch: typeof fetch
  /** An XML-RPC client for an account's endpoint, with the app's fetch and the wire log. */
  clientFor(account: Account): Promise<XmlRpcClient>
  /** The account with this id, or an AppFailure naming it. */
  account(id: string): Account
  /** Weblog subscriptions and "upstream on change" watchers. */
  weblog: WeblogRuntime
  /** Every notification emitted, kept for the history panel. */
  notices: NoticeHistory
}
