import { useSyncExternalStore } from 'react'
import type { JsonValue } from '../../../../shared/errors'
import type { Account, ConnectionReport } from '../../../../shared/model'

/**
 * What "Test connection" learned, for the rest of the app: the last report per account (this
 * session), and each server's maxFileSize kept across launches so the editor can warn offline.
 */
const reports = new Map<string, ConnectionReport>()
const listeners = new Set<() => void>()
const LIMITS_KEY = 'upstream.maxFileSize'
let version = 0

function readLimits(): Record<string, number> {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(LIMITS_KEY) ?? '{}')
    return typeof v === 'object' && v !== null ? (v as Record<string, number>) : {}
  } catch {
    return {}
  }
}

let limits = readLimits()

export function numberOf(v: JsonValue | undefined): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const inner = (v as Record<string, JsonValue>).$i8 ?? (v as Record<string, JsonValue>).$double
    const n = typeof inner === 'string' ? Number(inner) : inner
    if (typeof n === 'number' && Number.isFinite(n)) return n
  }
  return undefined
}

/** Limits are the server's, so they are keyed by endpoint: every account on it shares them. */
export function recordReport(account: Account, report: ConnectionReport): void {
  reports.set(account.id, report)
  const max = numberOf(report.capabilities?.maxFileSize)
  if (max !== undefined && max > 0) {
    limits = { ...limits, [account.url]: max }
    try {
      localStorage.setItem(LIMITS_KEY, JSON.stringify(limits))
    } catch {
      // known for this session only
    }
  }
  version++
  listeners.forEach((l) => l())
}

export function forgetReport(accountId: string): void {
  reports.delete(accountId)
  version++
  listeners.forEach((l) => l())
}

function subscribe(l: () => void): () => void {
  listeners.add(l)
  return () => void listeners.delete(l)
}

export function useReport(accountId: string | null | undefined): ConnectionReport | undefined {
  useSyncExternalStore(subscribe, () => version)
  return accountId ? reports.get(accountId) : undefined
}

/** The server's maxFileSize in bytes, when a test of any account on it has told us. */
export function useMaxFileSize(account: Account | undefined): number | undefined {
  useSyncExternalStore(subscribe, () => version)
  return account ? limits[account.url] : undefined
}
