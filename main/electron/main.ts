/**
 * The desktop shell's entry (bundled to out/electron/main.cjs). Thin: windows, menus, the app://
 * protocol, IPC registration, safeStorage, utilityProcess and net. Everything else is the core,
 * which runs the same under plain Node.
 */
import { app, dialog, Menu, session, shell } from 'electron'
import { join } from 'node:path'
import { startCore } from '../app/core/core'
import type { Core } from '../app/core/core-types'
import { resolveDataDir } from '../app/core/data-dir'
import { registerAppScheme, serveApp } from './app-protocol'
import { AppWindow } from './app-window'
import { refuseCertificateErrors } from './certificates'
import { dataFlag } from './data-flag'
import type { ShellEvents } from './events'
import { registerIpc, type IpcBridge } from './ipc'
import { menuTemplate } from './menu'
import { electronFetch } from './net-fetch'
import { handedOver, isEmpty, openRequestFrom, type OpenRequest } from './open-request'
import { rendererRoot } from './paths'
import { denyPermissions } from './permissions'
import { installQuitFlush } from './quit-flush'
import { safeStorageSecrets } from './secrets-safe-storage'
import { utilitySandboxLauncher } from './sandbox-utility'
import { openSettings } from '../store/settings'
import { guardWebContents } from './web-contents-guards'

// Privileged schemes can only be registered before `ready`.
registerAppScheme()

// One data directory for every face; Electron's own profile follows it, and so does the
// single-instance lock (Chromium keys it on userData), so two data directories can run side by side.
const dataDir = resolveDataDir(dataFlag(process.argv))
app.setPath('userData', dataDir)
app.setPath('sessionData', join(dataDir, 'chromium'))

/** Resolves once the window exists (or the launch gave way to a running instance). */
export const launched: Promise<void> = app.requestSingleInstanceLock({ argv: process.argv, cwd: process.cwd() })
  ? launch()
  : Promise.resolve(app.quit())

async function launch(): Promise<void> {
  let ipc: IpcBridge | undefined
  const window = new AppWindow(dataDir, () => ipc?.drain() ?? Promise.resolve())
  const handOver = (request: OpenRequest) => {
    if (!isEmpty(request)) window.send('app.open', request)
  }

  app.on('second-instance', (_event, argv, cwd, additionalData) => {
    const given = handedOver(additionalData, argv, cwd)
    void window.show().then(() => handOver(openRequestFrom(given.argv, given.cwd, app.isPackaged)))
  })
  app.on('open-file', (event, path) => {
    event.preventDefault()
    handOver({ files: [path], urls: [] })
  })
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents))
  refuseCertificateErrors((payload) => window.send('notification', payload))
  app.on('window-all-closed', () => {
    // macOS keeps the app running without windows, by convention.
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => void (app.isReady() && window.show()))

  await app.whenReady()
  denyPermissions(session.defaultSession)
  serveApp(rendererRoot())
  const core = startShellCore()
  ipc = registerIpc(core, (event) => window.isOwnFrame(event))
  installQuitFlush(ipc, core, () => window.close())
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(process.platform, app.name, {
        command: (command) => void window.show().then(() => window.send('menu.command', { command })),
        showDataFolder: () => void shell.openPath(dataDir),
        developer: !app.isPackaged,
      }),
    ),
  )
  // Core events go to the window as they are (TypeScript cannot see Events[E] is ShellEvents[E]).
  core.then((c) => c.onEvent((name, payload) => window.send(name, payload as ShellEvents[typeof name]))).catch(() => {})
  await window.show()
  handOver(openRequestFrom(process.argv, process.cwd(), app.isPackaged))
}

/** The core with the app's drivers: Chromium's network, the OS keyring, utilityProcess. */
function startShellCore(): Promise<Core> {
  const core = (async () =>
    startCore({
      dataDir,
      face: 'electron',
      fetch: electronFetch,
      secrets: await safeStorageSecrets(dataDir),
      // The one settings store (main/store/settings.ts), as the CLI's: merged under a lock.
      settings: openSettings(dataDir, {
        onProblem: (p) => console.warn(`settings.json is damaged (${p.reason}); kept as ${p.keptAs ?? 'it is'}`),
      }),
      sandboxLauncher: utilitySandboxLauncher(),
    }))()
  core.catch((error: unknown) => {
    dialog.showErrorBox(
      'Upstream could not start',
      `${error instanceof Error ? error.message : String(error)}\n\nData folder: ${dataDir}`,
    )
    app.exit(1)
  })
  return core
}
