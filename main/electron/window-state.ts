import { readFile } from 'node:fs/promises'
import { renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserWindow, Rectangle } from 'electron'

/** What window-state.json holds. */
export interface WindowState {
  bounds: Rectangle
  maximized: boolean
}

/** What the window opens with: a size always, a place only when it is on a display. */
export interface InitialPlacement {
  width: number
  height: number
  x?: number
  y?: number
  maximized: boolean
}

export const DEFAULT_PLACEMENT: InitialPlacement = { width: 1200, height: 800, maximized: false }
const MIN = { width: 480, height: 360 }

export const windowStateFile = (dataDir: string): string => join(dataDir, 'window-state.json')

/**
 * The last size and position. A position no longer on any display (a monitor was unplugged) keeps
 * its size but drops its place, so the window never opens out of reach.
 */
export async function loadPlacement(dataDir: string, workAreas: Rectangle[]): Promise<InitialPlacement> {
  const parsed: unknown = await readFile(windowStateFile(dataDir), 'utf8')
    .then(JSON.parse)
    .catch(() => null)
  if (!isState(parsed)) return DEFAULT_PLACEMENT
  const { x, y } = parsed.bounds
  const width = Math.max(parsed.bounds.width, MIN.width)
  const height = Math.max(parsed.bounds.height, MIN.height)
  const reachable = workAreas.some((area) => titleBarOn({ x, y, width, height }, area))
  return reachable
    ? { x, y, width, height, maximized: parsed.maximized }
    : { width, height, maximized: parsed.maximized }
}

/**
 * Synchronous on purpose: it runs in the window's 'close' event, and during quit an async write
 * could be cut off by the process exiting. Temp + rename keeps the file whole; it holds no user
 * text, so it needs no fsync.
 */
export function saveWindowState(dataDir: string, window: BrowserWindow): void {
  // The normal bounds, so un-maximising next time returns to the size the user chose.
  const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() }
  const file = windowStateFile(dataDir)
  writeFileSync(file + '.tmp', JSON.stringify(state) + '\n')
  renameSync(file + '.tmp', file)
}

/** Enough of the top edge (where the title bar is) lies on the display to grab the window. */
function titleBarOn(win: Rectangle, area: Rectangle): boolean {
  const w = Math.min(win.x + win.width, area.x + area.width) - Math.max(win.x, area.x)
  const h = Math.min(win.y + 32, area.y + area.height) - Math.max(win.y, area.y)
  return w >= 64 && h >= 16
}

function isState(value: unknown): value is WindowState {
  if (typeof value !== 'object' || value === null) return false
  const { bounds, maximized } = value as Partial<WindowState>
  if (typeof maximized !== 'boolean' || typeof bounds !== 'object' || bounds === null) return false
  const numbers = [bounds.x, bounds.y, bounds.width, bounds.height]
  return numbers.every((n) => Number.isInteger(n) && Math.abs(n) < 100_000) && bounds.width > 0 && bounds.height > 0
}
