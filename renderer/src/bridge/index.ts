import type { UpstreamApi } from '../../../shared/api'
import type { Result } from '../../../shared/result'
import { createBrowserBridge } from './browser-bridge'
import type { StreamStatus } from './event-stream'
import { uploadToStage, type StagedFile } from './stage-file'
import { takeHostToken } from './token'

export type { StagedFile } from './stage-file'
export type { StreamStatus } from './event-stream'

/** The Electron preload exposes the contract as `window.upstream`; the browser host does not. */
const preload = (globalThis as { upstream?: UpstreamApi }).upstream
const token = preload ? null : takeHostToken()
const browser = preload
  ? null
  : createBrowserBridge({ origin: location.origin, token: token ?? '', fetch: (...a) => globalThis.fetch(...a) })

/** The only way the renderer talks to the core. */
export const api: UpstreamApi = preload ?? browser!.api

/** Event-stream health; under Electron IPC there is nothing to lose, so it never fires. */
export function onConnection(listener: (status: StreamStatus) => void): () => void {
  return browser ? browser.onConnection(listener) : () => {}
}

/** Stages a large file with upload progress (browser host only; Electron will read files itself). */
export function stageFile(
  file: File,
  onProgress: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<Result<StagedFile>> {
  if (!browser) {
    return Promise.resolve({
      ok: false,
      error: {
        kind: 'unsupported',
        message: 'Staging uploads is a browser-host route; the desktop app reads files directly.',
      },
    })
  }
  return uploadToStage({ origin: location.origin, token: token ?? '' }, file, onProgress, signal)
}
