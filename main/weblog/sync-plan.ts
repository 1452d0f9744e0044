import type { LocalFile } from './site-scan'
import { FEED_PATH, HOME_PATH } from './site-layout'
import type { SyncedFile } from './sync-state'

export interface PlannedUpload {
  path: string
  size: number
  /** Absent for a new file not read yet (it is hashed as it is sent). */
  hash?: string
  reason: 'new' | 'changed'
}

export interface PlannedDelete {
  path: string
  /** Where it is now, as the server said. */
  url: string | null
  size: number
}

export interface SyncPlan {
  uploads: PlannedUpload[]
  deletes: PlannedDelete[]
  unchanged: number
}

/**
 * What differs between the site folder and what the server last confirmed: new and changed files
 * to upload, files gone from the folder to delete. The home page and the feed go last, so
 * whatever they link to is already there when they arrive (and the ping follows the home page).
 */
export function planSync(local: readonly LocalFile[], known: ReadonlyMap<string, SyncedFile>): SyncPlan {
  const uploads: PlannedUpload[] = []
  let unchanged = 0
  const present = new Set<string>()
  for (const f of local) {
    present.add(f.path)
    const was = known.get(f.path)
    if (was && f.hash === undefined) throw new Error(`${f.path} must be hashed before planning (hashKnown)`)
    if (was && was.hash === f.hash) unchanged++
    else
      uploads.push({
        path: f.path,
        size: f.size,
        ...(f.hash !== undefined ? { hash: f.hash } : {}),
        reason: was ? 'changed' : 'new',
      })
  }
  const deletes = [...known]
    .filter(([path]) => !present.has(path))
    .map(([path, f]) => ({ path, url: f.url, size: f.size }))
  return { uploads: uploads.sort(byUploadOrder), deletes: deletes.sort((a, b) => compare(a.path, b.path)), unchanged }
}

const LAST = [HOME_PATH, FEED_PATH]
const rank = (path: string) => LAST.indexOf(path) + 1

function byUploadOrder(a: PlannedUpload, b: PlannedUpload): number {
  return rank(a.path) - rank(b.path) || compare(a.path, b.path)
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
