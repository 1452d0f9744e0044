import { useEffect, useId, useMemo, useState, type FormEvent } from 'react'
import type { AppError } from '../../../../shared/errors'
import type { WeblogSettings, WeblogSettingsInput } from '../../../../shared/weblog'
import { ErrorNote } from '../../components/error-note'
import type { WeblogActions } from './use-weblog-actions'

interface Form {
  title: string
  description: string
  timeZone: string
  upstreamOnChange: boolean
  pingServers: string
  siteDir: string
}

const formOf = (s: WeblogSettings): Form => ({ ...s, pingServers: s.pingServers.join('\n'), siteDir: s.siteDir ?? '' })
const inputOf = (f: Form): WeblogSettingsInput => ({
  ...f,
  pingServers: f.pingServers
    .split('\n')
    .map((u) => u.trim())
    .filter(Boolean),
  siteDir: f.siteDir.trim() || null,
})
const zones = (): string[] => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [])

/** The weblog's settings (weblog.json); the core checks them and says which one is wrong. */
export function SettingsForm({
  settings,
  error,
  actions,
}: {
  settings: WeblogSettings | null
  error: AppError | undefined
  actions: WeblogActions
}) {
  const id = useId()
  const [form, setForm] = useState<Form | null>(null)
  useEffect(() => setForm(settings && formOf(settings)), [settings])
  const zoneList = useMemo(zones, [])
  const set = (patch: Partial<Form>) => setForm((f) => f && { ...f, ...patch })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (form) void actions.saveSettings(inputOf(form))
  }

  return (
    <section className="weblog-card" aria-labelledby="weblog-settings-title">
      <h2 id="weblog-settings-title">Settings</h2>
      <ErrorNote error={error} context="The weblog’s settings couldn’t be read" />
      {form && settings && (
        <form onSubmit={submit} aria-label="Weblog settings">
          <div className="form-row">
            <label htmlFor={`${id}-title`}>Weblog name</label>
            <input
              id={`${id}-title`}
              value={form.title}
              aria-describedby={`${id}-title-hint`}
              onChange={(e) => set({ title: e.target.value })}
            />
            <span id={`${id}-title-hint`} className="hint">
              The pages’ header and the feed’s title.
            </span>
          </div>
          <div className="form-row">
            <label htmlFor={`${id}-description`}>Description</label>
            <textarea
              id={`${id}-description`}
              className="weblog-textarea"
              rows={2}
              value={form.description}
              onChange={(e) => set({ description: e.target.value })}
            />
          </div>
          <div className="form-row">
            <label htmlFor={`${id}-zone`}>Time zone</label>
            <input
              id={`${id}-zone`}
              list={`${id}-zones`}
              value={form.timeZone}
              spellCheck={false}
              aria-describedby={`${id}-zone-hint`}
              onChange={(e) => set({ timeZone: e.target.value })}
            />
            <datalist id={`${id}-zones`}>
              {zoneList.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
            <span id={`${id}-zone-hint`} className="hint">
              Dates on the pages, the permalinks and the feed use it: a zone like Europe/Paris, or an offset like
              +02:00.
            </span>
          </div>
          <label className="weblog-check">
            <input
              type="checkbox"
              checked={form.upstreamOnChange}
              onChange={(e) => set({ upstreamOnChange: e.target.checked })}
            />
            Upstream on change (sync once the site folder has been quiet for a few seconds)
          </label>
          <div className="form-row">
            <label htmlFor={`${id}-pings`}>Extra ping servers</label>
            <textarea
              id={`${id}-pings`}
              className="weblog-textarea"
              rows={2}
              value={form.pingServers}
              placeholder="http://rpc.example.com/RPC2"
              spellCheck={false}
              aria-describedby={`${id}-pings-hint`}
              onChange={(e) => set({ pingServers: e.target.value })}
            />
            <span id={`${id}-pings-hint`} className="hint">
              One URL per line, pinged after the home page goes up, besides the server the community names.
            </span>
          </div>
          <div className="form-row">
            <label htmlFor={`${id}-dir`}>Site folder</label>
            <input
              id={`${id}-dir`}
              value={form.siteDir}
              placeholder={settings.siteDir === null ? settings.siteDirInUse : 'the default, inside the data folder'}
              spellCheck={false}
              aria-describedby={`${id}-dir-hint`}
              onChange={(e) => set({ siteDir: e.target.value })}
            />
            <span id={`${id}-dir-hint`} className="hint">
              A full path; everything in it is upstreamed except names starting with # or a dot. Empty: the default
              folder.
            </span>
          </div>
          <div className="weblog-form-end">
            <button type="submit" className="button primary" disabled={actions.busy !== null}>
              {actions.busy === 'settings' ? 'Saving…' : 'Save settings'}
            </button>
            <ErrorNote error={actions.errorFor('settings')} />
          </div>
        </form>
      )}
    </section>
  )
}
