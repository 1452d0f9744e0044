import type { MenuItemConstructorOptions } from 'electron'
import type { Events } from '../../shared/api'

export type MenuCommand = Events['menu.command']['command']

export interface MenuActions {
  /** Sends the command to the renderer (through the contract's 'menu.command' event). */
  command(command: MenuCommand): void
  showDataFolder(): void
  /** Developer items (reload, devtools) only in an unpackaged build. */
  developer: boolean
}

/** The editor's shortcuts, one table: the menu shows them, and the renderer acts on the command. */
export const SHORTCUTS = {
  'new-draft': 'CmdOrCtrl+N',
  save: 'CmdOrCtrl+S',
  publish: 'CmdOrCtrl+Enter',
  search: 'CmdOrCtrl+K',
  'area-write': 'CmdOrCtrl+1',
  'area-queue': 'CmdOrCtrl+2',
  'area-accounts': 'CmdOrCtrl+3',
  'area-inspector': 'CmdOrCtrl+4',
  'area-weblog': 'CmdOrCtrl+5',
} as const satisfies Record<MenuCommand, string>

/**
 * macOS: an application menu first (About, Services, Hide, Quit), Close in File, a Window menu
 * with Bring All to Front. Linux and Windows: Quit (Exit) at the end of File, About under Help.
 */
export function menuTemplate(
  platform: NodeJS.Platform,
  appName: string,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const item = (label: string, command: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator: SHORTCUTS[command],
    click: () => actions.command(command),
  })
  const sep: MenuItemConstructorOptions = { type: 'separator' }
  // Alt-key mnemonics on Linux and Windows; macOS would show the '&'.
  const top = (name: string): string => (mac ? name : `&${name}`)

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about' },
      sep,
      { role: 'services' },
      sep,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      sep,
      { role: 'quit' },
    ],
  }
  const file: MenuItemConstructorOptions = {
    label: top('File'),
    submenu: [
      item('New Draft', 'new-draft'),
      item('Save', 'save'),
      item('Publish', 'publish'),
      sep,
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  }
  const edit: MenuItemConstructorOptions = {
    label: top('Edit'),
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { role: 'selectAll' },
      sep,
      item('Search…', 'search'),
    ],
  }
  const view: MenuItemConstructorOptions = {
    label: top('View'),
    submenu: [
      item('Write', 'area-write'),
      item('Publish Queue', 'area-queue'),
      item('Accounts', 'area-accounts'),
      item('Inspector', 'area-inspector'),
      item('Weblog', 'area-weblog'),
      sep,
      ...(actions.developer ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, sep] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
    ],
  }
  const window: MenuItemConstructorOptions = {
    label: top('Window'),
    role: 'window',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, sep, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  }
  const help: MenuItemConstructorOptions = {
    label: top('Help'),
    role: 'help',
    submenu: [
      { label: 'Show Data Folder', click: () => actions.showDataFolder() },
      ...(mac ? [] : [sep, { role: 'about' } as const]),
    ],
  }
  return [...(mac ? [appMenu] : []), file, edit, view, window, help]
}
