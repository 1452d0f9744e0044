/**
 * A recording stand-in for the `electron` module, for shell.test.ts: the Electron binary cannot be
 * downloaded here, so the real main/electron entry runs against this. Every call the shell makes is
 * recorded in `calls` (and handlers are kept) so the test asserts what the code actually did. It
 * behaves like Electron where the shell depends on it: privileged schemes only before ready,
 * protocol.handle only after, 'web-contents-created' on window creation, before-quit/quit.
 */
import { EventEmitter } from 'node:events'

export interface Call {
  api: string
  args: unknown[]
}

export interface StandInOptions {
  singleInstanceLock?: boolean
  storageBackend?: string
  asyncEncryptionAvailable?: boolean
  /** What dialog.showMessageBox answers (index of the button). */
  dialogResponse?: number
  userData: string
}

/** A preventable event, as Electron passes to 'will-navigate', 'before-quit', … */
export function fakeEvent(extra: Record<string, unknown> = {}) {
  const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true), ...extra }
  return event
}

export type FakeFrame = { frameTreeNodeId: number; parent: FakeFrame | null; url: string }

let nextContentsId = 1

export function createElectronStandIn(options: StandInOptions) {
  const calls: Call[] = []
  const record = (api: string, ...args: unknown[]) => void calls.push({ api, args })
  let ready = false
  let markReady!: () => void
  const whenReady = new Promise<void>((resolve) => (markReady = resolve))
  const paths = new Map<string, string>([['userData', options.userData]])

  class FakeWebContents extends EventEmitter {
    readonly id = nextContentsId++
    readonly mainFrame: FakeFrame = { frameTreeNodeId: this.id * 100, parent: null, url: 'about:blank' }
    windowOpenHandler: ((details: { url: string }) => unknown) | null = null
    destroyed = false
    setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
      record('webContents.setWindowOpenHandler', this.id)
      this.windowOpenHandler = handler
    }
    send(channel: string, ...args: unknown[]) {
      if (this.destroyed) throw new Error('stand-in: Object has been destroyed')
      record('webContents.send', channel, ...args)
    }
    isDestroyed() {
      return this.destroyed
    }
    reload() {
      record('webContents.reload')
    }
  }

  const allContents: FakeWebContents[] = []
  const windows: FakeBrowserWindow[] = []

  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents()
    readonly options: Record<string, any>
    destroyed = false
    maximized = false
    minimized = false
    bounds: { x: number; y: number; width: number; height: number }
    constructor(opts: Record<string, any>) {
      super()
      record('new BrowserWindow', opts)
      this.options = opts
      this.bounds = { x: opts.x ?? 10, y: opts.y ?? 10, width: opts.width ?? 800, height: opts.height ?? 600 }
      windows.push(this)
      allContents.push(this.webContents)
      // Electron emits this while constructing the window's WebContents.
      app.emit('web-contents-created', fakeEvent(), this.webContents)
    }
    async loadURL(url: string) {
      record('BrowserWindow.loadURL', url)
      this.webContents.mainFrame.url = url
      this.emit('ready-to-show')
    }
    show = () => record('BrowserWindow.show')
    focus = () => record('BrowserWindow.focus')
    restore = () => record('BrowserWindow.restore')
    maximize = () => {
      record('BrowserWindow.maximize')
      this.maximized = true
    }
    isMaximized = () => this.maximized
    isMinimized = () => this.minimized
    isDestroyed = () => this.destroyed
    getNormalBounds = () => ({ ...this.bounds })
    /** The page's beforeunload: true when it asks to stay (unsaved words), as use-unload-guard does. */
    beforeUnload: (() => boolean) | null = null
    /** Like Electron: 'close', then the page's beforeunload; a refusal cancels the close unless a
     * 'will-prevent-unload' handler overrides it with preventDefault(). */
    close() {
      record('BrowserWindow.close')
      if (this.destroyed) return
      const event = fakeEvent()
      this.emit('close', event)
      if (event.defaultPrevented) return
      if (this.beforeUnload?.()) {
        const override = fakeEvent()
        this.webContents.emit('will-prevent-unload', override)
        if (!override.defaultPrevented) return void record('BrowserWindow.close refused by the page')
      }
      this.destroyed = true
      this.webContents.destroyed = true
      this.emit('closed')
    }
  }

  class FakeApp extends EventEmitter {
    name = 'Upstream'
    isPackaged = false
    quitCompleted = false
    whenReady() {
      record('app.whenReady')
      return whenReady
    }
    isReady = () => ready
    getVersion = () => '0.1.0'
    getPath(name: string) {
      return paths.get(name) ?? `${options.userData}/${name}`
    }
    setPath(name: string, value: string) {
      if (ready && name === 'userData') throw new Error('stand-in: userData must be set before ready')
      record('app.setPath', name, value)
      paths.set(name, value)
    }
    requestSingleInstanceLock(additionalData?: unknown) {
      record('app.requestSingleInstanceLock', additionalData)
      return options.singleInstanceLock ?? true
    }
    /** Like Electron: 'before-quit' first; a handler may prevent it. */
    quit() {
      record('app.quit')
      const event = fakeEvent()
      this.emit('before-quit', event)
      if (event.defaultPrevented) return
      this.quitCompleted = true
      record('app.quit completed')
    }
    exit(code?: number) {
      record('app.exit', code)
    }
  }
  const app = new FakeApp()

  const protocolHandlers = new Map<string, (request: Request) => Promise<Response> | Response>()
  const protocol = {
    registerSchemesAsPrivileged(schemes: unknown) {
      if (ready) throw new Error('stand-in: registerSchemesAsPrivileged after ready (Electron refuses)')
      record('protocol.registerSchemesAsPrivileged', schemes)
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response> | Response) {
      if (!ready) throw new Error('stand-in: protocol.handle before ready (Electron refuses)')
      record('protocol.handle', scheme)
      protocolHandlers.set(scheme, handler)
    },
  }

  const sessionHandlers: Record<string, (...args: any[]) => unknown> = {}
  const defaultSession = {
    setPermissionRequestHandler: (h: (...args: any[]) => unknown) => void (sessionHandlers.permissionRequest = h),
    setPermissionCheckHandler: (h: (...args: any[]) => unknown) => void (sessionHandlers.permissionCheck = h),
    setDevicePermissionHandler: (h: (...args: any[]) => unknown) => void (sessionHandlers.devicePermission = h),
  }
  const session = {
    get defaultSession() {
      if (!ready) throw new Error('stand-in: session.defaultSession before ready (Electron refuses)')
      return defaultSession
    },
  }

  const ipcHandlers = new Map<string, (...args: any[]) => unknown>()
  const ipcMain = {
    handle(channel: string, handler: (...args: any[]) => unknown) {
      if (ipcHandlers.has(channel)) throw new Error(`stand-in: a second handler for ${channel} (Electron refuses)`)
      record('ipcMain.handle', channel)
      ipcHandlers.set(channel, handler)
    },
    on: (channel: string) => record('ipcMain.on', channel),
  }

  const shell = {
    openExternal: async (url: string) => void record('shell.openExternal', url),
    openPath: async (path: string) => (record('shell.openPath', path), ''),
  }

  // Reversible and obviously not the plain text: enough to see that what is stored is ciphertext.
  const seal = (text: string) => Buffer.concat([Buffer.from('v11'), Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)])
  const safeStorage = {
    isAsyncEncryptionAvailable: async () => options.asyncEncryptionAvailable ?? true,
    getSelectedStorageBackend: () => options.storageBackend ?? 'gnome_libsecret',
    encryptStringAsync: async (text: string) => (record('safeStorage.encryptStringAsync'), seal(text)),
    decryptStringAsync: async (data: Buffer) => {
      record('safeStorage.decryptStringAsync')
      if (data.subarray(0, 3).toString() !== 'v11') throw new Error('stand-in: not our ciphertext')
      return { result: Buffer.from(data.subarray(3).map((b) => b ^ 0x5a)).toString('utf8'), shouldReEncrypt: false }
    },
    encryptString: () => {
      throw new Error('stand-in: the shell must use the async safeStorage API')
    },
    decryptString: () => {
      throw new Error('stand-in: the shell must use the async safeStorage API')
    },
  }

  const net = {
    fetch: async (input: unknown, init?: unknown) => {
      record('net.fetch', input, init)
      return new Response('from net.fetch')
    },
  }

  const Menu = {
    buildFromTemplate: (template: unknown) => (record('Menu.buildFromTemplate', template), { template }),
    setApplicationMenu: (menu: unknown) => record('Menu.setApplicationMenu', menu),
  }

  const dialog = {
    showMessageBox: async (...args: unknown[]) => (
      record('dialog.showMessageBox', ...args),
      { response: options.dialogResponse ?? 0, checkboxChecked: false }
    ),
    showErrorBox: (title: string, content: string) => record('dialog.showErrorBox', title, content),
  }

  const screen = {
    getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  }

  // The renderer side, for the preload.
  const ipcRenderer = new (class extends EventEmitter {
    invoke = async (channel: string, ...args: unknown[]) => (
      record('ipcRenderer.invoke', channel, ...args),
      { ok: true, value: 'from main' }
    )
  })()
  const exposed = new Map<string, unknown>()
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown) {
      record('contextBridge.exposeInMainWorld', key, api)
      exposed.set(key, api)
    },
  }

  const webContents = { getAllWebContents: () => allContents.filter((c) => !c.destroyed) }

  /** Like Electron's UtilityProcess: 'message' and 'exit' (a code only) events, postMessage, kill. */
  class FakeUtilityProcess extends EventEmitter {
    readonly pid = 4242
    readonly stdout = new EventEmitter()
    readonly stderr = new EventEmitter()
    postMessage(message: unknown) {
      record('UtilityProcess.postMessage', message)
    }
    kill() {
      record('UtilityProcess.kill')
      return true
    }
  }
  const utilityProcesses: FakeUtilityProcess[] = []
  const utilityProcess = {
    fork(modulePath: string, args?: string[], forkOptions?: Record<string, unknown>) {
      if (!ready) throw new Error('stand-in: utilityProcess.fork before ready (Electron refuses)')
      record('utilityProcess.fork', modulePath, args, forkOptions)
      const child = new FakeUtilityProcess()
      utilityProcesses.push(child)
      return child
    },
  }

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    protocol,
    session,
    ipcMain,
    shell,
    safeStorage,
    net,
    Menu,
    dialog,
    screen,
    contextBridge,
    ipcRenderer,
    webContents,
    utilityProcess,
  }

  return {
    module: { ...module, default: module },
    calls,
    windows,
    app,
    ipcHandlers,
    protocolHandlers,
    sessionHandlers,
    exposed,
    ipcRenderer,
    utilityProcesses,
    /** Electron's 'ready'. */
    emitReady() {
      ready = true
      markReady()
    },
    callsTo: (api: string) => calls.filter((c) => c.api === api),
  }
}

export type ElectronStandIn = ReturnType<typeof createElectronStandIn>
