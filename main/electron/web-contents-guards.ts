import type { WebContents } from 'electron'
import { openExternalSafely } from './external-links'

/**
 * Applied to every WebContents the app creates (app 'web-contents-created'): the window shows the
 * app and nothing else. New windows are denied (http(s) links go to the user's browser), top-level
 * navigation away is prevented, and <webview> can never be attached.
 */
export function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    event.preventDefault()
    // A plain link without target=_blank: still the user's intent to read it, in their browser.
    openExternalSafely(url)
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
  })
}
