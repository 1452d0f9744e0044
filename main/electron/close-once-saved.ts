import type { BrowserWindow } from 'electron'

/** How often in a row (tries under 5 s apart) the page may put off closing, and the pause between tries. */
const MAX_REFUSALS = 5
const RETRY_MS = 100

/**
 * The page's beforeunload (use-unload-guard) refuses to unload while words are unsaved and starts
 * saving them; Electron then cancels the close, silently, and emits 'will-prevent-unload'. Try
 * again once the calls under way have finished (`settle`): by then the page is clean and lets go.
 * A page that keeps refusing is closed anyway after a few tries, so it can never keep the app
 * from quitting.
 */
export function closeOnceSaved(window: BrowserWindow, settle: () => Promise<void>): void {
  let refusals = 0
  let last = 0
  window.webContents.on('will-prevent-unload', (event) => {
    const now = Date.now()
    refusals = now - last < 5_000 ? refusals + 1 : 1
    last = now
    if (refusals > MAX_REFUSALS) return event.preventDefault() // unload regardless
    void settle().then(() => setTimeout(() => window.isDestroyed() || window.close(), RETRY_MS))
  })
}
