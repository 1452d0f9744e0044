import type { Events } from '../../../shared/api'
import type { JsonValue } from '../../../shared/errors'
import type { Job } from '../../../shared/model'

type Notification = Events['notification']

/** A finished site sync: what went, and each ping's reply (a failed ping is worth a warning, never an error). */
export function siteSyncNotification(job: Job): Notification {
  const m = job.result?.members ?? {}
  const count = (n: JsonValue | undefined, one: string) => `${Number(n ?? 0)} ${one}${Number(n ?? 0) === 1 ? '' : 's'}`
  const pings = Array.isArray(m.pings) ? m.pings.filter(isPing) : []
  const said = pings.map((p) =>
    p.ok ? `Ping to ${p.server}: “${p.message}”` : `Ping to ${p.server} failed: ${p.message}`,
  )
  const body = [
    `${job.label}: ${count(m.uploaded, 'file')} sent, ${count(m.deleted, 'file')} deleted.`,
    ...said,
    job.result?.url ?? '',
  ]
    .filter(Boolean)
    .join(' ')
  const failed = pings.some((p) => !p.ok)
  return {
    level: failed ? 'warning' : 'success',
    title: failed ? 'Site upstreamed; a ping failed' : 'Site upstreamed',
    body,
  }
}

function isPing(v: JsonValue): v is { server: string; ok: boolean; message: string } {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    typeof v.server === 'string' &&
    typeof v.ok === 'boolean' &&
    typeof v.message === 'string'
  )
}
