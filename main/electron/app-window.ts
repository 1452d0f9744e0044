import { BrowserWindow, screen, type IpcMainInvokeEvent } from 'electron'
import { APP_ORIGIN, APP_URL } from './app-protocol'
import { closeOnceSaved } from './close-once-saved'
import { offerReloadOnCrash } from './crash'
import { sendEvent, type ShellEvents } from './events'
import { preloadPath } from './paths'
import { loadPlacement, saveWindowState } from './window-state'

/**
 * The one window. It shows the app from app://upstream/ and nothing else; its renderer gets the
 * contract through the preload and no Node, no Electron, no <webview>.
 */
export class AppWindow {
  private window: BrowserWindow | null = null
  private loaded: Promise<void> = Promise.resolve()
  private opening: Promise<BrowserWindow> | null = null

  /** `settle` waits for the page's calls under way (a save) to finish. */
  constructor(
    private readonly dataDir: string,
    private readonly settle: () => Promise<void>,
  ) {}

  get current(): BrowserWindow | null {
    return this.window && !this.window.isDestroyed() ? this.window : null
  }

  /** Creates the window, or brings the existing one to the front. */
  async show(): Promise<BrowserWindow> {
    const existing = this.current
    if (existing) {
      if (existing.isMinimized()) existing.restore()
      existing.focus()
      return existing
    }
    // A second launch can arrive while the first window is still being made: make one only.
    this.opening ??= this.create().finally(() => (this.opening = null))
    return this.opening
  }

  private async create(): Promise<BrowserWindow> {
    const placement = await loadPlacement(
      this.dataDir,
      screen.getAllDisplays().map((d) => d.workArea),
    )
    const window = new BrowserWindow({
      x: placement.x,
      y: placement.y,
      width: placement.width,
      height: placement.height,
      minWidth: 480,
      minHeight: 360,
      show: false,
      title: 'Upstream',
      backgroundColor: '#ffffff',
      webPreferences: {
        preload: preloadPath(),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        nodeIntegrationInWorker: false,
        webviewTag: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        navigateOnDragDrop: false,
      },
    })
    this.window = window
    if (placement.maximized) window.maximize()
    window.once('ready-to-show', () => window.show())
    window.on('close', () => {
      try {
        saveWindowState(this.dataDir, window)
      } catch (error) {
        console.warn('Could not keep the window size and position:', error)
      }
    })
    window.on('closed', () => {
      if (this.window === window) this.window = null
    })
    closeOnceSaved(window, this.settle)
    offerReloadOnCrash(window, () => void this.load(window))
    this.load(window)
    return window
  }

  /** Closes the window as the user's click would (words saved first); resolves once it is gone. */
  close(): Promise<void> {
    const window = this.current
    if (!window) return Promise.resolve()
    return new Promise((resolve) => {
      window.once('closed', () => resolve())
      window.close()
    })
  }

  /** Sends an event once the page is there to hear it; dropped when there is no window. */
  send<E extends keyof ShellEvents>(name: E, payload: ShellEvents[E]): void {
    const window = this.current
    if (!window) return
    void this.loaded.then(() => {
      if (!window.isDestroyed()) sendEvent(window.webContents, name, payload)
    })
  }

  /**
   * The sender check for every IPC call: the top frame of this window's own web contents, showing
   * a page from the app's origin. Subframes (previews), other windows and anything navigated
   * elsewhere are foreign.
   */
  isOwnFrame(event: IpcMainInvokeEvent): boolean {
    const window = this.current
    const frame = event.senderFrame
    if (!window || !frame) return false
    const main = window.webContents.mainFrame
    return (
      event.sender.id === window.webContents.id &&
      frame.frameTreeNodeId === main.frameTreeNodeId &&
      frame.url.startsWith(`${APP_ORIGIN}/`)
    )
  }

  private load(window: BrowserWindow): Promise<void> {
    this.loaded = window.loadURL(APP_URL).catch((error: unknown) => console.error('Loading the app failed:', error))
    return this.loaded
  }
}
