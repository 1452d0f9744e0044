import type { AppInfo, ChannelName, EventName, Events, Output } from '../../../shared/api'
import type { Result } from '../../../shared/result'
import type { SecretsDriver } from '../../store/secrets'
import type { SettingsStore } from '../../store/settings-types'
import type { SandboxLauncher } from '../local-sandbox/launcher'

/** What a face (Electron, browser host, CLI, tests) hands the core. */
export interface CoreOptions {
  dataDir: string
  face: AppInfo['face']
  /** Electron passes `net.fetch` (system proxies, Chromium TLS); Node uses its own. */
  fetch?: typeof fetch
  /** Electron passes a safeStorage driver; under Node the 0600 file driver is used. */
  secrets?: SecretsDriver
  /** Default: main/store/settings.ts on <data>/settings.json (the one store for every face). */
  settings?: SettingsStore
  /** Start the embedded Local sandbox (default true). */
  sandbox?: boolean
  /** How to start the Local sandbox's own process (Electron: utilityProcess; default: Node's fork). */
  sandboxLauncher?: SandboxLauncher
}

export type EventListener = <E extends EventName>(event: E, payload: Events[E]) => void

/** The application core: one handler per contract channel, events out. */
export interface Core {
  readonly info: AppInfo
  /** `input` is untrusted (it crossed IPC or HTTP): handlers validate it. Never throws. */
  invoke<C extends ChannelName>(channel: C, input: unknown): Promise<Result<Output<C>>>
  isChannel(name: string): name is ChannelName
  /** Subscribe to every event; returns the unsubscribe function. */
  onEvent(listener: EventListener): () => void
  /** Flush pending saves and queue state, stop servers. */
  close(): Promise<void>
}
