import type { AccountKind } from '../../shared/model'
import { defaultSettings, type Settings } from './settings-types'

const accountKinds: readonly AccountKind[] = ['webhost', 'discussion', 'community', 'blog']
const themes = ['system', 'light', 'dark']

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * What the file holds, completed with defaults for keys it lacks (an older version wrote it), or
 * a reason when it is not settings at all. Unknown keys are kept: electron-store writes the same
 * file and may keep its own (`__internal__`).
 */
export function parseSettings(value: unknown): { settings: Settings } | { problem: string } {
  if (!isObj(value)) return { problem: 'not a JSON object' }
  if (value.preferences !== undefined && !isObj(value.preferences)) return { problem: '"preferences" is not an object' }
  const defaults = defaultSettings()
  const merged = {
    ...defaults,
    ...value,
    preferences: { ...defaults.preferences, ...(value.preferences as Obj | undefined) },
  }
  const problem = settingsProblem(merged)
  return problem ? { problem } : { settings: merged as Settings }
}

export function settingsProblem(v: Obj): string | null {
  if (!Array.isArray(v.accounts)) return '"accounts" is not a list'
  const bad = v.accounts.findIndex((a) => !isAccount(a))
  if (bad >= 0) return `account ${bad + 1} is not an account`
  if (!isObj(v.preferences) || !themes.includes(v.preferences.theme as string))
    return '"preferences" are not preferences'
  if (
    v.sandbox !== undefined &&
    !(isObj(v.sandbox) && Number.isInteger(v.sandbox.port) && typeof v.sandbox.memberEmail === 'string')
  )
    return '"sandbox" is not a port and member'
  return null
}

function isAccount(a: unknown): boolean {
  if (!isObj(a)) return false
  const strings = ['id', 'name', 'url', 'username'].every((k) => typeof a[k] === 'string')
  return (
    strings && accountKinds.includes(a.kind as AccountKind) && (a.dgname === undefined || typeof a.dgname === 'string')
  )
}
