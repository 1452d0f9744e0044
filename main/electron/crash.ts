import { app, dialog, type BrowserWindow } from 'electron'

/**
 * The window's renderer died (crash, OOM, killed). Drafts live in the main process and on disk,
 * not in the renderer, so a reload brings back everything saved; offer it instead of leaving a
 * blank window.
 */
export function offerReloadOnCrash(window: BrowserWindow, reload: () => void): void {
  let asking = false
  window.webContents.on('render-process-gone', async (_event, details) => {
    if (details.reason === 'clean-exit' || asking || window.isDestroyed()) return
    asking = true
    try {
      const { response } = await dialog.showMessageBox(window, {
        type: 'error',
        title: 'Upstream',
        message: 'The Upstream window stopped working.',
        detail: `Reason: ${details.reason}. Your saved drafts and the publish queue are safe; reload the window to continue.`,
        buttons: ['Reload', 'Quit'],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      })
      if (response === 0 && !window.isDestroyed()) reload()
      else if (response !== 0) app.quit()
    } finally {
      asking = false
    }
  })
}
