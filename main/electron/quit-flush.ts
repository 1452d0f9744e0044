import { app } from 'electron'
import type { Core } from '../app/core/core-types'
import type { IpcBridge } from './ipc'

/**
 * Quitting waits for the user's words. The first 'before-quit' is held back while the window
 * closes (its page saves what is unsaved first, see AppWindow), the calls under way finish, and the
 * core flushes drafts and queue state and stops its servers; then the app quits for real. A core
 * that never started has nothing to flush.
 */
export function installQuitFlush(ipc: IpcBridge, core: Promise<Core>, closeWindow: () => Promise<void>): void {
  let state: 'running' | 'flushing' | 'flushed' = 'running'
  app.on('before-quit', (event) => {
    if (state === 'flushed') return
    event.preventDefault()
    if (state === 'flushing') return
    state = 'flushing'
    void (async () => {
      try {
        await closeWindow()
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
