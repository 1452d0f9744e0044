import { app } from 'electron'
import type { Core } from '../app/core-types'
import type { IpcBridge } from './ipc'

/**
 * Quitting waits for the user's words: the first 'before-quit' is held back while calls already
 * under way (a save just made) finish and the core flushes drafts and queue state and stops its
 * servers; then the app quits for real. A core that never started has nothing to flush.
 */
export function installQuitFlush(ipc: IpcBridge, core: Promise<Core>): void {
  let state: 'running' | 'flushing' | 'flushed' = 'running'
  app.on('before-quit', (event) => {
    if (state === 'flushed') return
    event.preventDefault()
    if (state === 'flushing') return
    state = 'flushing'
    void (async () => {
      try {
        await ipc.drain()
        const c = await core.catch(() => null)
        await c?.close()
      } catch (error) {
        console.error('Flushing before quit failed:', error)
      } finally {
        state = 'flushed'
        app.quit()
      }
    })()
  })
}
