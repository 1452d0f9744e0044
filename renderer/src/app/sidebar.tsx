import { areas, type Area } from './areas'
import { shortcutHint, shortcutProps } from './commands'

interface Props {
  area: Area
  onArea: (area: Area) => void
  /** Jobs not yet done or cancelled. */
  activeJobs: number
}

export function Sidebar({ area, onArea, activeJobs }: Props) {
  return (
    <nav className="sidebar" aria-label="Areas">
      <div className="brand" aria-hidden="true">
        Upstream
      </div>
      <ul>
        {areas.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={a.id === area ? 'page' : undefined}
              onClick={() => onArea(a.id)}
              {...shortcutProps(a.command, a.label)}
            >
              <span className="nav-icon" aria-hidden="true">
                {a.icon}
              </span>
              <span className="nav-label">{a.label}</span>
              {a.id === 'queue' && activeJobs > 0 && (
                <span className="count" aria-hidden="true" title={`${activeJobs} in progress`}>
                  {activeJobs}
                </span>
              )}
              <kbd aria-hidden="true">{shortcutHint(a.command)}</kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
