import { readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { atomicWrite } from './atomic-write'
import { asideName } from './corrupt-aside'
import { nodeFs, ensureDir, type FsLayer } from './fs-layer'
import { KeyedQueue } from './keyed-queue'
import { parseSettings, settingsProblem } from './settings-shape'
import { defaultSettings, type Settings, type SettingsStore } from './settings-types'
import { diskError, invalidInput, isErrno, StoreError } from './store-error'

/*
 * Why not `conf` here: conf writes through `atomically`, which fsyncs the temp file and renames it
 * but never fsyncs the folder, falls back to a plain non-atomic writeFileSync under Snap and on
 * EXDEV, blocks the event loop on every write, and cannot be routed through the injectable
 * FsLayer, so none of that could be tested. This is the same file in the same format (conf and
 * electron-store write `JSON.stringify(value, undefined, '\t')` to `<cwd>/settings.json`), written
 * through atomicWrite, so the desktop app's electron-store and this store read each other's file.
 */

export interface SettingsOptions {
  fs?: FsLayer
  now?: () => Date
  /** Told when settings.json was damaged and put aside (the defaults are used instead). */
  onProblem?: (problem: { file: string; reason: string; keptAs?: string }) => void
}

const serialize = (s: Settings): string => JSON.stringify(s, undefined, '\t')

/**
 * `<data>/settings.json`. The first read is synchronous because `get()` is; a damaged file is
 * renamed to settings.corrupt-<timestamp>.json and the defaults are used, never silently wiped.
 */
export function openSettings(dataDir: string, options: SettingsOptions = {}): SettingsStore {
  const fs = options.fs ?? nodeFs
  const file = join(dataDir, 'settings.json')
  const queue = new KeyedQueue()
  let { settings: current, blocked } = load(file, options)

  return {
    get: () => structuredClone(current),
    update(change) {
      return queue.run('settings', async () => {
        if (blocked) throw blocked
        const next = structuredClone(current)
        change(next)
        const problem = settingsProblem(next as unknown as Record<string, unknown>)
        if (problem) throw invalidInput(`Settings not saved: ${problem}.`)
        try {
          await ensureDir(fs, dataDir)
          await atomicWrite(fs, file, serialize(next))
        } catch (e) {
          throw isErrno(e)
            ? diskError(e, { lead: 'Settings not saved', keeps: 'the previous settings are still in use' })
            : e
        }
        current = next
        return structuredClone(next)
      })
    },
  }
}

function load(file: string, options: SettingsOptions): { settings: Settings; blocked?: StoreError } {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { settings: defaultSettings() }
    // Unreadable is not damaged: using defaults and writing them later would wipe the accounts.
    throw diskError(e, { lead: 'Settings could not be read', keeps: 'the file was left as it is' })
  }
  let parsed: ReturnType<typeof parseSettings>
  try {
    parsed = parseSettings(JSON.parse(text))
  } catch {
    parsed = { problem: 'it is not valid JSON' }
  }
  if ('settings' in parsed) return { settings: parsed.settings }
  const keptAs = asideName(file, options.now?.() ?? new Date())
  try {
    renameSync(file, keptAs)
  } catch (e) {
    // Still in place: refuse to write over it, so the damaged file is never lost.
    options.onProblem?.({ file, reason: parsed.problem })
    const blocked = diskError(e, {
      lead: `Settings not saved: ${file} is damaged and could not be moved aside`,
      keeps: 'it was left as it is',
    })
    return { settings: defaultSettings(), blocked }
  }
  options.onProblem?.({ file, reason: parsed.problem, keptAs })
  return { settings: defaultSettings() }
}
