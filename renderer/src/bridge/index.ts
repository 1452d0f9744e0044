import type { UpstreamApi } from '../../../shared/api'
import type { Result } from '../../../shared/result'
import { createBrowserBridge } from './browser-bridge'
import type { HostConnection } from './http-invoke'
import type { StreamStatus } from './event-stream'
import { uploadToStage, type StagedFile } from './stage-file'
import { exchangeLaunchToken, launchTokenOf, takeHostToken } from './token'

export type { StagedFile } from './stage-file'
export type { StreamStatus } from './event-stream'

/** The Electron preload exposes the contract as `window.upstream`; the browser host does not. */
const preload = (globalThis as { upstream?: UpstreamApi }).upstream
const conn: HostConnection = { origin: location.origin, token: '', fetch: (...a) => globalThis.fetch(...a) }
if (!preload) conn.ready = takeHostToken().then((t) => (conn.token = t ?? ''))
const browser = preload ? null : createBrowserBridge(conn)

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
  return conn.ready!.then(() => uploadToStage(conn, file, onProgress, signal))
}

/**
 * Adopts a fresh launch address (pasted, or from `upstream serve`'s Enter key) in this open tab:
 * its token is exchanged for a new session token, which every later call uses. Answers false if
 * the address holds no token or the host refused it (already used, or from another run).
 */
export async function adoptLaunchUrl(address: string): Promise<boolean> {
  const launch = launchTokenOf(address)
  const session = launch ? await exchangeLaunchToken(launch, location.origin) : null
  if (session) conn.token = session
  return session !== null
}
