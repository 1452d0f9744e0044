import { applyTheme, nextTheme, useThemeChoice, type ThemeChoice } from '../lib/theme'
import { areas, type Area } from './areas'
import { shortcutHint, shortcutProps } from './commands'

interface Props {
  area: Area
  onArea: (area: Area) => void
  /** Jobs not yet done or cancelled. */
  activeJobs: number
  /** Notices since the history was last opened. */
  unreadNotices: number
  onNotices: () => void
}

export function Sidebar({ area, onArea, activeJobs, unreadNotices, onNotices }: Props) {
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
      <button
        type="button"
        className="nav-item notices-button"
        onClick={onNotices}
        aria-label={unreadNotices > 0 ? `Notifications, ${unreadNotices} new` : 'Notifications'}
      >
        <span className="nav-icon" aria-hidden="true">
          ⚑
        </span>
        <span className="nav-label">Notifications</span>
        {unreadNotices > 0 && (
          <span className="count" aria-hidden="true" data-unread={unreadNotices}>
            {unreadNotices > 99 ? '99+' : unreadNotices}
          </span>
        )}
      </button>
      <ThemeButton />
    </nav>
  )
}

const themeLabel: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' }

/** Light, dark, or the system's: one button that cycles, saying what it is and what comes next. */
function ThemeButton() {
  const choice = useThemeChoice()
  const next = nextTheme[choice]
  return (
    <button
      type="button"
      className="nav-item theme-button"
      aria-label={`Theme: ${themeLabel[choice]}. Switch to ${themeLabel[next].toLowerCase()}`}
      title={`Theme: ${themeLabel[choice]} (click for ${themeLabel[next].toLowerCase()})`}
      onClick={() => applyTheme(next)}
    >
      <span className="nav-icon" aria-hidden="true">
        {choice === 'dark' ? '☾' : choice === 'light' ? '☀' : '◐'}
      </span>
      <span className="nav-label">Theme: {themeLabel[choice]}</span>
    </button>
  )
}
