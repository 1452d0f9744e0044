import { join } from 'node:path'
import { keepAside } from '../store/corrupt-aside'
import { ensureDir, nodeFs } from '../store/fs-layer'
import { KeyedQueue } from '../store/keyed-queue'
import { parseSettings, settingsProblem } from '../store/settings-shape'
import { defaultSettings, type Settings, type SettingsStore } from '../store/settings-types'
import { diskError, invalidInput, isErrno } from '../store/store-error'

type Store = import('electron-store').default<Record<string, unknown>>

/**
 * <data>/settings.json through electron-store, the same file and format the Node store writes
 * (tab-indented JSON) and checked by the same rules (store/settings-shape.ts). A damaged file is
 * renamed to settings.corrupt-<time>.json and the defaults are used; it is never wiped.
 */
export async function electronStoreSettings(dataDir: string): Promise<SettingsStore> {
  // A dynamic import: electron-store is ESM-only, and in the CommonJS bundle a static default
  // import would be require()'s namespace object rather than the class.
  const { default: ElectronStore } = await import('electron-store')
  const file = join(dataDir, 'settings.json')
  const open = (): Store =>
    new ElectronStore<Record<string, unknown>>({
      cwd: dataDir,
      name: 'settings',
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      watch: false,
    })

  let store: Store
  try {
    store = open()
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
    console.warn(`settings.json is not JSON; kept as ${await keepAside(nodeFs, file)}`)
    store = open()
  }
  const parsed = parseSettings(store.store)
  let current: Settings
  if ('settings' in parsed) current = parsed.settings
  else {
    console.warn(`settings.json is damaged (${parsed.problem}); kept as ${await keepAside(nodeFs, file)}`)
    store = open()
    current = defaultSettings()
  }

  const queue = new KeyedQueue()
  return {
    get: () => structuredClone(current),
    update: (change) =>
      queue.run('settings', async () => {
        const next = structuredClone(current)
        change(next)
        const problem = settingsProblem(next as unknown as Record<string, unknown>)
        if (problem) throw invalidInput(`Settings not saved: ${problem}.`)
        try {
          await ensureDir(nodeFs, dataDir)
          store.store = next as unknown as Record<string, unknown>
          // electron-store fsyncs the file but not the folder that the rename changed.
          await nodeFs.fsyncDir(dataDir)
        } catch (e) {
          throw isErrno(e)
            ? diskError(e, { lead: 'Settings not saved', keeps: 'the previous settings are still in use' })
            : e
        }
        current = next
        return structuredClone(next)
      }),
  }
}
