import type { Notice } from '../../../../shared/api'
import type { Job } from '../../../../shared/model'

export type Toast = Notice & { id: number }

/** Errors stay until dismissed or their job succeeds: the writer must not miss why something didn't go out. */
export const lifetimeMs: Record<Toast['level'], number | null> = {
  info: 6000,
  success: 6000,
  warning: 12000,
  error: null,
}

/** At most this many on screen: older ones are in the history. */
export const TOASTS_SHOWN = 3

/** A new notice joins the pile; an error about the same job it reports done on is no longer true. */
export function addToast(list: readonly Toast[], toast: Toast): Toast[] {
  const kept = toast.level === 'success' && toast.jobId ? settleJob(list, toast.jobId) : list
  return [...kept, toast].slice(-TOASTS_SHOWN)
}

/** The job now went out: its errors and warnings leave (the history keeps them). */
export function settleJob(list: readonly Toast[], jobId: string): Toast[] {
  return list.filter((t) => t.jobId !== jobId || t.level === 'success' || t.level === 'info')
}

export const jobSucceeded = (job: Job): boolean => job.state === 'done'
