import type { SiteStatus } from '../weblog/site-status'
import { failures, syncStatus, type SiteSyncReport } from '../weblog/sync-report'

const kb = (n: number) => (n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`)
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** What `site sync` prints for people. */
export function syncText(r: SiteSyncReport): string {
  const lines = [`Site folder: ${r.siteDir}`]
  if (r.folderUrl) lines.push(`Upstream folder: ${r.folderUrl}`)
  if (r.rendered && (r.rendered.written.length || r.rendered.removed.length || r.rendered.templatesCreated.length)) {
    const t = r.rendered.templatesCreated.length
      ? ` (default templates written: ${r.rendered.templatesCreated.join(', ')})`
      : ''
    lines.push(
      `Weblog ${r.dryRun ? 'would render' : 'rendered'}: ${plural(r.rendered.written.length, 'page')} changed, ${r.rendered.removed.length} removed${t}`,
    )
  }
  const { uploads, deletes, refused, unchanged, requests } = r.plan
  const bytes = uploads.filter((u) => !refused.some((v) => v.path === u.path)).reduce((n, u) => n + u.size, 0)
  const verb = r.dryRun ? 'Would upload' : 'To upload'
  lines.push(
    `${verb} ${plural(uploads.length - refused.length, 'file')} (${kb(bytes)}) in ${plural(requests.length, 'request')}; ${r.dryRun ? 'would delete' : 'to delete'} ${deletes.length}; ${unchanged} unchanged.`,
  )
  for (const u of uploads)
    if (!refused.some((v) => v.path === u.path)) lines.push(`  + ${u.path}  (${u.reason}, ${kb(u.size)})`)
  for (const d of deletes) lines.push(`  - ${d.path}`)
  if (refused.length) lines.push('Not sent — over the server’s limits:', ...refused.map((v) => `  ! ${v.message}`))
  if (!r.dryRun) {
    const up = r.results.filter((f) => f.ok && f.op === 'upload').length
    const del = r.results.filter((f) => f.ok && f.op === 'delete').length
    lines.push(
      `Uploaded ${plural(up, 'file')} in ${plural(r.calls.save, 'call')}; deleted ${del}.${r.passes === 2 ? ' (The server renamed paths: pages were rendered again with its URLs.)' : ''}`,
    )
    const failed = failures(r).filter((f) => !refused.some((v) => v.path === f.path))
    if (failed.length) lines.push('Did not go:', ...failed.map((f) => `  ✗ ${f.path}: ${f.why}`))
    for (const p of r.pings) lines.push(`Ping ${p.server}: ${p.ok ? '' : 'failed: '}${p.message}`)
    lines.push(`Result: ${syncStatus(r)}`)
  }
  return lines.join('\n') + '\n'
}

/** What `site status` prints for people. */
export function statusText(s: SiteStatus): string {
  const { uploads, deletes } = s.pending
  return [
    `Site folder: ${s.siteDir}`,
    `Server: ${s.server}${s.folderUrl ? ` → ${s.folderUrl}` : ''}`,
    `Last sync: ${s.lastSyncAt ?? 'never'}; ${plural(s.upstreamed.files, 'file')} (${kb(s.upstreamed.bytes)}) upstreamed; ${plural(s.posts, 'post')}`,
    `Time zone: ${s.timeZone}; upstream on change: ${s.upstreamOnChange ? 'on' : 'off'}`,
    uploads.length || deletes.length
      ? `Pending: ${plural(uploads.length, 'upload')}, ${plural(deletes.length, 'deletion')}`
      : 'Nothing pending: the server has the site as it is.',
    ...uploads.map((u) => `  + ${u.path}  (${u.reason})`),
    ...deletes.map((d) => `  - ${d.path}`),
    '',
  ].join('\n')
}
