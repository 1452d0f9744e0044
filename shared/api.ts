/**
 * The one contract between the renderer and the core. Every face (Electron IPC, the browser host's
 * HTTP API, tests) is generic over these two maps: adding a capability means adding a line here and
 * a handler in main/app/handlers, never touching the plumbing.
 */
import type { Account, Draft, DraftInput, DraftSummary, Job } from './model'
import type { Result } from './result'
import type { WireEntry } from './wire'

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

/** Request channels: name → input and output. */
export interface Channels {
  'app.info': { input: void; output: AppInfo }
  'drafts.list': { input: void; output: DraftSummary[] }
  'drafts.get': { input: { id: string }; output: Draft }
  /** Durable save: resolves only after the bytes are on disk (fsync'd). */
  'drafts.save': { input: DraftInput; output: Draft }
  'accounts.list': { input: void; output: Account[] }
  /** Saves nothing: queues a publish of the draft as last saved. */
  'publish.draft': { input: { draftId: string; accountId?: string }; output: Job }
  'queue.list': { input: void; output: Job[] }
  /** Send a waiting or failed job now; refused for one whose post may be on the server (resolve it). */
  'queue.retry': { input: { jobId: string }; output: Job }
  /** Hold one job, or with no jobId every job that can be held. */
  'queue.pause': { input: { jobId?: string }; output: Job[] }
  'queue.resume': { input: { jobId?: string }; output: Job[] }
  /** A job being sent stops when its attempt ends (an idempotent upload is aborted at once). */
  'queue.cancel': { input: { jobId: string }; output: Job }
  /** Whether the post of an `unknown` job is on the server: 'not-posted' sends it again. */
  'queue.resolve': { input: { jobId: string; answer: 'was-posted'; msgnum: string | number } | { jobId: string; answer: 'not-posted' }; output: Job }
  /** Recent XML-RPC exchanges, newest first, secrets redacted. */
  'inspector.list': { input: void; output: WireEntry[] }
}

/** Events the core pushes to every window. */
export interface Events {
  'queue.job': Job
  'wire.entry': WireEntry
  'draft.saved': { id: string; revision: number; updatedAt: string }
  notification: { level: 'info' | 'success' | 'warning' | 'error'; title: string; body?: string }
  /** A desktop menu item or its accelerator (Electron only; the browser face binds keys itself). */
  'menu.command': { command: 'new-draft' | 'save' | 'publish' | 'search' | 'area-write' | 'area-queue' | 'area-accounts' }
}

export type ChannelName = keyof Channels
export type EventName = keyof Events
export type Input<C extends ChannelName> = Channels[C]['input']
export type Output<C extends ChannelName> = Channels[C]['output']

/** What the renderer sees as `window.upstream`, whatever the face. */
export interface UpstreamApi {
  invoke<C extends ChannelName>(channel: C, ...input: Input<C> extends void ? [] : [Input<C>]): Promise<Result<Output<C>>>
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
