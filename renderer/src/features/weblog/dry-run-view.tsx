import type { SiteDryRun } from '../../../../shared/weblog'
import { formatBytes } from '../../lib/format'

const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`

/** Exactly what a sync would do now: nothing in it has been sent or written. */
export function DryRunView({ plan, onClose }: { plan: SiteDryRun; onClose: () => void }) {
  const nothing = plan.uploads.length === 0 && plan.deletes.length === 0
  const refused = new Set(plan.refused.map((r) => r.path))
  const sent = plan.uploads.filter((u) => !refused.has(u.path))
  return (
    <section className="weblog-card weblog-dry-run" aria-labelledby="weblog-dry-run-title">
      <div className="weblog-card-top">
        <h2 id="weblog-dry-run-title">Dry run</h2>
        <button type="button" className="button small" onClick={onClose}>
          Hide dry run
        </button>
      </div>
      <p>
        {nothing
          ? `Nothing to send: the server has all ${files(plan.unchanged)}.`
          : `A sync now would upload ${files(sent.length)} in ${plan.requests.length} request${plan.requests.length === 1 ? '' : 's'}, delete ${files(plan.deletes.length)} and refuse ${files(plan.refused.length)}; ${files(plan.unchanged)} unchanged. Nothing was sent.`}
      </p>
      {plan.rendered && plan.rendered.written.length > 0 && (
        <p className="muted">
          The weblog would first write {files(plan.rendered.written.length)} into the site folder.
        </p>
      )}
      <PathList
        label="Would upload"
        items={sent.map((u) => ({ path: u.path, note: `${u.reason}, ${formatBytes(u.size)}` }))}
      />
      <PathList label="Would delete" items={plan.deletes.map((d) => ({ path: d.path, note: d.url ?? '' }))} />
      <PathList
        label="Refused before sending"
        bad
        items={plan.refused.map((r) => ({ path: r.path, note: r.message }))}
      />
    </section>
  )
}

function PathList({ label, items, bad }: { label: string; items: { path: string; note: string }[]; bad?: boolean }) {
  if (items.length === 0) return null
  return (
    <>
      <h3 className="weblog-list-title">
        {label} ({items.length})
      </h3>
      <ul className={`weblog-paths${bad ? ' weblog-bad' : ''}`} aria-label={label}>
        {items.map((i) => (
          <li key={i.path}>
            <code>{i.path}</code> <span className="muted">{i.note}</span>
          </li>
        ))}
      </ul>
    </>
  )
}
