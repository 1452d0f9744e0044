/**
 * The one contract between the renderer and the core. Every face (Electron IPC, the browser host's
 * HTTP API, tests) is generic over these two maps: adding a capability means adding a line here and
 * a handler in main/app/<feature>/channels, never touching the plumbing.
 */
import type { DraftVersion, DraftVersionText } from './draft-history'
import type { JsonValue } from './errors'
import type {
  Account,
  AccountInput,
  BlogCategories,
  BlogInfo,
  BlogPostSummary,
  ConnectionReport,
  Draft,
  DraftFormat,
  DraftInput,
  DraftQuery,
  DraftSummary,
  Job,
  MethodInfo,
  TopicSummary,
} from './model'
import type { Result } from './result'
import type { WireEntry } from './wire'
import type {
  SiteDryRun,
  SiteStatusView,
  WeblogPost,
  WeblogSettings,
  WeblogSettingsInput,
  WeblogSubscription,
} from './weblog'

export interface AppInfo {
  name: 'Upstream'
  version: string
  dataDir: string
  /** Which shell the core runs in. */
  face: 'electron' | 'browser-host' | 'cli' | 'test'
  /** False when secrets are kept in a plain 0600 file (browser host, CLI). */
  secretsEncrypted: boolean
  /** The embedded sandbox's endpoint, when it runs. */
  sandboxUrl?: string
}

/**
 * Something worth a word to the writer. `jobId`/`draftId` link it to what it is about: an error
 * about a job leaves the screen when that job succeeds, and the history opens the job or draft.
 */
export interface Notice {
  level: 'info' | 'success' | 'warning' | 'error'
  title: string
  body?: string
  jobId?: string
  draftId?: string
}

/** A notice as the history keeps it (notifications.jsonl in the data folder, the last few hundred). */
export interface NoticeEntry extends Notice {
  id: string
  at: string
}

/** Request channels: name → input and output. */
export interface Channels {
  'app.info': { input: void; output: AppInfo }
  /** Newest first; `text` searches titles and bodies. */
  'drafts.list': { input: DraftQuery | void; output: DraftSummary[] }
  'drafts.get': { input: { id: string }; output: Draft }
  /** Durable save: resolves only after the bytes are on disk (fsync'd). */
  'drafts.save': { input: DraftInput; output: Draft }
  /** What publishing sends for this body: Markdown converted to HTML, HTML as written. */
  'drafts.render': { input: { format: DraftFormat; body: string }; output: { html: string } }
  /** Opens a discussion message by msgnum (editMessage) as a local draft that keeps the server copy as its base. */
  'drafts.openFromServer': { input: { accountId: string; msgnum: string | number }; output: Draft }
  /** Ends a conflict: keep mine, take theirs, or a merged text; the base becomes the server copy. */
  'drafts.resolveConflict': {
    input: { draftId: string; choice: 'mine' | 'theirs' | 'merged'; title?: string; body?: string }
    output: Draft
  }
  /** Attaches a staged upload (HOST_STAGE_PATH) to a draft, by the fileId the upload answered. */
  'drafts.attach': { input: { draftId: string; fileId: string; name: string; type?: string }; output: Draft }
  'drafts.detach': { input: { draftId: string; name: string }; output: Draft }
  /** Writes the draft (or all drafts with no id) as files into the data folder's exports/; answers the paths. */
  'drafts.export': { input: { id?: string }; output: { files: string[] } }
  /** The texts the draft had before, newest first (every durable save keeps the one it replaced). */
  'drafts.versions': { input: { id: string }; output: DraftVersion[] }
  /** One kept version, whole; restoring it is a drafts.save of its text (itself a new version). */
  'drafts.version': { input: { id: string; key: string }; output: DraftVersionText }
  /** Topics of a discussion group, newest first, where the server offers getTopics. */
  'discussion.topics': { input: { accountId: string; count?: number }; output: TopicSummary[] }
  /** Blog accounts: the blogs the login may write to (blogger.getUsersBlogs), to pick the account's blogId from. */
  'blog.blogs': { input: { accountId: string }; output: BlogInfo[] }
  /** The blog's categories; offline (or when the server fails) the copy kept on disk, with its date. */
  'blog.categories': { input: { accountId: string }; output: BlogCategories }
  /** The newest posts on the blog, newest first (metaWeblog.getRecentPosts). */
  'blog.recentPosts': { input: { accountId: string; count?: number }; output: BlogPostSummary[] }
  /**
   * Opens a post (metaWeblog.getPost) as a local draft keeping the server
   * copy as its base; an open one answers its draft.
   */
  'blog.openPost': { input: { accountId: string; postid: string | number }; output: Draft }
  /** Queues blogger.deletePost for the post a draft published or was opened from. */
  'blog.deletePost': { input: { draftId: string; accountId?: string }; output: Job }
  'accounts.list': { input: void; output: Account[] }
  /** Adds (no id) or edits an account; a password, when given, goes to the secrets store only. */
  'accounts.save': { input: AccountInput; output: Account }
  'accounts.remove': { input: { id: string }; output: { removed: true } }
  /**
   * system.listMethods where offered, the server profile, and for community servers capabilities and initial resources.
   */
  'accounts.test': { input: { id: string }; output: ConnectionReport }
  /** Community servers: registerUser with the stored e-mail, name and password; stores the usernum. */
  'accounts.register': { input: { id: string }; output: Account }
  'accounts.forgotPassword': { input: { id: string }; output: { message: string } }
  /** Power users: call any method on an account's server with typed-JSON params (the CLI's syntax). */
  'inspector.call': {
    input: { accountId: string; method: string; params: JsonValue[] }
    output: { result: JsonValue; entryId?: number }
  }
  /** Names, signatures and help of an account's server, for the console's method picker. */
  'inspector.methods': { input: { accountId: string }; output: MethodInfo[] }
  /** Saves nothing: queues a publish of the draft as last saved (a message replies to `inResponseTo`, 0: a thread). */
  'publish.draft': {
    /** dropMissingCategories: the writer chose to publish without categories the blog lacks and may not create. */
    /** submitForReview: send the post as pending (a Contributor's way to publish), replacing a refused publish. */
    input: {
      draftId: string
      accountId?: string
      inResponseTo?: string | number
      dropMissingCategories?: boolean
      submitForReview?: boolean
    }
    output: Job
  }
  'queue.list': { input: void; output: Job[] }
  /** Send a waiting or failed job now; refused for one whose post may be on the server (resolve it). */
  'queue.retry': { input: { jobId: string }; output: Job }
  /** Hold one job, or with no jobId every job that can be held. */
  'queue.pause': { input: { jobId?: string }; output: Job[] }
  'queue.resume': { input: { jobId?: string }; output: Job[] }
  /** A job being sent stops when its attempt ends (an idempotent upload is aborted at once). */
  'queue.cancel': { input: { jobId: string }; output: Job }
  /** Whether the post of an `unknown` job is on the server: 'not-posted' sends it again. */
  'queue.resolve': {
    input: { jobId: string; answer: 'was-posted'; msgnum: string | number } | { jobId: string; answer: 'not-posted' }
    output: Job
  }
  /** Recent XML-RPC exchanges, newest first, secrets redacted. */
  'inspector.list': { input: void; output: WireEntry[] }
  /** Community accounts: the weblog's posts, newest first, with the URL the server returned for each. */
  'weblog.posts.list': { input: { accountId: string }; output: WeblogPost[] }
  /**
   * Saves a draft of kind 'post' as a weblog post (a republished post keeps
   * its date and permalink) and queues a site sync.
   */
  'weblog.posts.publish': { input: { accountId: string; draftId: string; categories?: string[] }; output: Job }
  /** Takes a post off the weblog and queues a site sync, which removes its page from the server. */
  'weblog.posts.remove': { input: { accountId: string; id: string }; output: { removed: true; job: Job } }
  'weblog.settings.get': { input: { accountId: string }; output: WeblogSettings }
  /** Changes only the fields given; "upstream on change" starts or stops watching the site folder at once. */
  'weblog.settings.save': { input: { accountId: string } & Partial<WeblogSettingsInput>; output: WeblogSettings }
  /** From local files only: what the server holds and what a sync would send and delete now. */
  'site.status': { input: { accountId: string }; output: SiteStatusView }
  /**
   * Exactly what a sync would upload, delete and refuse (one getServerCapabilities call; nothing is sent or written).
   */
  'site.dryRun': { input: { accountId: string }; output: SiteDryRun }
  /** Queues a site sync; a sync already waiting for this account is answered instead of a second one. */
  'site.sync': { input: { accountId: string }; output: Job }
  /** pleaseNotify: the account's server calls back when the URL changes (a `notification` event). */
  'site.subscribe': { input: { accountId: string; url: string }; output: WeblogSubscription }
  'site.unsubscribe': { input: { accountId: string; url: string }; output: { removed: boolean } }
  'site.subscriptions': { input: { accountId?: string } | void; output: WeblogSubscription[] }
  /** The notification history, newest first (the last few hundred, from every process on this data folder). */
  'notifications.list': { input: void; output: NoticeEntry[] }
  'notifications.clear': { input: void; output: { cleared: number } }
}

/** Events the core pushes to every window. */
export interface Events {
  'queue.job': Job
  'wire.entry': WireEntry
  'draft.saved': { id: string; revision: number; updatedAt: string }
  notification: Notice
  /** The Local sandbox's process: running, or stopped and restarting (main/app/local-sandbox/supervisor.ts). */
  'sandbox.state': { state: 'running' | 'restarting' | 'stopped'; message: string; endpoint?: string; restarts: number }
  /** Files and URLs handed to the desktop app by a second launch or the command line. */
  'app.open': { files: string[]; urls: string[] }
  /** A desktop menu item or its accelerator (Electron only; the browser face binds keys itself). */
  'menu.command': {
    command:
      | 'new-draft'
      | 'save'
      | 'publish'
      | 'search'
      | 'area-write'
      | 'area-queue'
      | 'area-accounts'
      | 'area-inspector'
      | 'area-weblog'
  }
}

export type ChannelName = keyof Channels
export type EventName = keyof Events
export type Input<C extends ChannelName> = Channels[C]['input']
export type Output<C extends ChannelName> = Channels[C]['output']

/** What the renderer sees as `window.upstream`, whatever the face. */
export interface UpstreamApi {
  invoke<C extends ChannelName>(
    channel: C,
    ...input: Input<C> extends void ? [] : [Input<C>]
  ): Promise<Result<Output<C>>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}

/** Transport names shared by the preload and the IPC registration. */
export const IPC_INVOKE = 'upstream:invoke'
export const IPC_EVENT = 'upstream:event'

/** Browser host routes. */
export const HOST_TOKEN_HEADER = 'x-upstream-token'
export const HOST_API_PREFIX = '/api/'
export const HOST_EVENTS_PATH = '/api-events'
export const HOST_STAGE_PATH = '/api-stage'
/**
 * Launch-token exchange (main/host/sessions.ts): `POST HOST_SESSION_PATH` with the address's
 * single-use launch token in HOST_LAUNCH_HEADER answers `{ ok: true, value: { token } }`, a
 * session token for HOST_TOKEN_HEADER (kept in sessionStorage); a spent or unknown one is a 401.
 * `POST HOST_LAUNCH_PATH` with a session token answers `{ ok: true, value: { url } }`, a fresh
 * launch address (for another tab).
 */
export const HOST_SESSION_PATH = '/api-session'
export const HOST_LAUNCH_HEADER = 'x-upstream-launch'
export const HOST_LAUNCH_PATH = '/api-launch'
