import type { SettingsStore } from '../../store/settings-types'
import type { HistoryPolicy } from '../../store/drafts'

/** 30 days of every version, then one a day; `preferences.historyKeepAllDays` in settings.json changes it. */
export const DEFAULT_KEEP_ALL_DAYS = 30

export function historyPolicy(settings: () => SettingsStore | undefined): () => HistoryPolicy {
  return () => {
    // Read as unknown: settings.json is a file a person may edit.
    const days: unknown = settings()?.get().preferences?.historyKeepAllDays
    const ok = typeof days === 'number' && Number.isFinite(days) && days >= 1
    return { keepAllDays: ok ? days : DEFAULT_KEEP_ALL_DAYS }
  }
}
