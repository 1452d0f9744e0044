import { useSyncExternalStore } from 'react'

/** The writer's choice; "system" follows the OS live. Kept per machine, in this window's storage. */
export type ThemeChoice = 'system' | 'light' | 'dark'

const KEY = 'upstream.theme'
const listeners = new Set<() => void>()
const query = matchMedia('(prefers-color-scheme: dark)')

function read(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY)
    return v === 'light' || v === 'dark' ? v : 'system'
  } catch {
    return 'system' // storage refused (private mode, a locked-down profile): follow the system
  }
}

let choice: ThemeChoice = read()

/** The stylesheet keys everything off `data-theme` on <html> (see styles/base.css). */
export function applyTheme(next: ThemeChoice = choice): void {
  choice = next
  document.documentElement.dataset.theme = next
  try {
    if (next === 'system') localStorage.removeItem(KEY)
    else localStorage.setItem(KEY, next)
  } catch {
    // not kept across launches; still applied now
  }
  listeners.forEach((l) => l())
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange)
  query.addEventListener('change', onChange)
  return () => {
    listeners.delete(onChange)
    query.removeEventListener('change', onChange)
  }
}

export const effectiveScheme = (): 'light' | 'dark' =>
  choice === 'system' ? (query.matches ? 'dark' : 'light') : choice

export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribe, () => choice)
}

/** What is on screen now, for the parts CSS can't reach (Monaco's theme). */
export function useEffectiveScheme(): 'light' | 'dark' {
  return useSyncExternalStore(subscribe, effectiveScheme)
}

export const nextTheme: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' }
