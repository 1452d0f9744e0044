import type { Account } from '../../shared/model'

/** settings.json, written by main/store/settings.ts for every face (conf's format). */
export interface Settings {
  accounts: Account[]
  /** The embedded sandbox: its port (kept across launches) and the member the app made. */
  sandbox?: { port: number; memberEmail: string }
  preferences: {
    theme: 'system' | 'light' | 'dark'
    /**
     * Network limits by phase (main/xmlrpc/transfer-limits.ts), in ms and bytes a second; absent
     * members keep their defaults. There is no fixed total: a big upload over a slow link may take long.
     */
    /** Days every saved version of a draft is kept before history thins to one a day (default 30). */
    historyKeepAllDays?: number
    transfer?: {
      connectMs?: number
      sendStallMs?: number
      answerBeginMs?: number
      minReceiveBytesPerSec?: number
      receiveWindowMs?: number
    }
  }
}

export const defaultSettings = (): Settings => ({ accounts: [], preferences: { theme: 'system' } })

export interface SettingsStore {
  get(): Settings
  /** Applies `change` to a copy and writes the result durably before resolving. */
  update(change: (draft: Settings) => void): Promise<Settings>
}
