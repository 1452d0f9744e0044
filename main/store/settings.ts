import { readFileSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { atomicWrite } from './atomic-write'
import { asideName } from './corrupt-aside'
import { withFileLock } from './file-lock'
import { nodeFs, ensureDir, type FsLayer } from './fs-layer'
import { KeyedQueue } from './keyed-queue'
import { parseSettings, settingsProblem } from './settings-shape'
import { defaultSettings, type Settings, type SettingsStore } from './settings-types'
import { diskError, invalidInput, isErrno, StoreError } from './store-error'

/*
 * The one settings store, for every face (the desktop app too: electron-store's copy is gone).
 * Why not `conf`/electron-store: conf writes through `atomically`, which fsyncs the temp file and
 * renames it but never fsyncs the folder, falls back to a plain non-atomic writeFileSync under
 * Snap and on EXDEV, blocks the event loop on every write, cannot be routed through the
 * injectable FsLayer, and keeps a copy in memory that it writes back whole. The file format is
 * theirs (`JSON.stringify(value, undefined, '\t')` in `<data>/settings.json`), so files written by
 * earlier versions read as they are.
 *
 * Many processes, one data folder (two `upstream serve`, the app and the CLI): every update()
 * takes `<data>/settings.lock`, re-reads the file, applies the change to what is on disk NOW and
 * writes it, so an account another process added is merged, never overwritten from a stale copy.
 * get() re-reads the file when another process has replaced it.
 */

export interface SettingsOptions {
  fs?: FsLayer
  now?: () => Date
  /** Told when settings.json was damaged and put aside (the defaults are used instead). */
  onProblem?: (problem: { file: string; reason: string; keptAs?: string }) => void
}

const serialize = (s: Settings): string => JSON.stringify(s, undefined, '\t')

/** What identifies one version of the file on disk (an atomic rename makes a new inode). */
function signature(file: string): string | undefined {
  const s = statSync(file, { throwIfNoEntry: false, bigint: true })
  return s ? `${s.ino}:${s.size}:${s.mtimeNs}` : undefined
}

/**
 * `<data>/settings.json`. Reads are synchronous because `get()` is; a damaged file is renamed to
 * settings.corrupt-<timestamp>.json and the defaults are used, never silently wiped.
 */
export function openSettings(dataDir: string, options: SettingsOptions = {}): SettingsStore {
  const fs = options.fs ?? nodeFs
  const file = join(dataDir, 'settings.json')
  const queue = new KeyedQueue()
  let seen = signature(file)
  let { settings: current, blocked } = load(file, options)

  /** Another process wrote the file since we last looked: take its version (if it is settings). */
  function refresh(): void {
    const now = signature(file)
    if (now === seen || now === undefined) return
    try {
      const parsed = parseSettings(JSON.parse(readFileSync(file, 'utf8')))
      if ('settings' in parsed) current = parsed.settings
      seen = now
    } catch {
      // Unreadable or damaged: keep what we have; the next update() puts a damaged file aside.
    }
  }

  return {
    get() {
      refresh()
      return structuredClone(current)
    },
    update(change) {
      const locked = () =>
        withFileLock(dataDir, 'settings', async () => {
          if (blocked) throw blocked
          // The file as it is now, under the lock: whatever another process saved is kept.
          const fresh = load(file, options)
          if (fresh.blocked) throw (blocked = fresh.blocked)
          const next = structuredClone(fresh.settings)
          change(next)
          const problem = settingsProblem(next as unknown as Record<string, unknown>)
          if (problem) throw invalidInput(`Settings not saved: ${problem}.`)
          current = fresh.settings
          await ensureDir(fs, dataDir)
          await atomicWrite(fs, file, serialize(next), { mode: 0o600 })
          current = next
          seen = signature(file)
          return structuredClone(next)
        })
      return queue.run('settings', () =>
        locked().catch((e: unknown) => {
          // The lock itself could not be written (a full or read-only disk): the same story.
          throw isErrno(e)
            ? diskError(e, { lead: 'Settings not saved', keeps: 'the previous settings are still in use' })
            : e
        }),
      )
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
