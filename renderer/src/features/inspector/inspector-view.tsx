import { memo, useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { Account } from '../../../../shared/model'
import { ErrorNote } from '../../components/error-note'
import { formatWhen } from '../../lib/format'
import { CallConsole } from './call-console'
import { ExchangeDetail } from './exchange-detail'
import { ExchangeList } from './exchange-list'
import { useWire } from './use-wire'
import { matches, type WireFilter } from './wire-filter'

interface Props {
  api: UpstreamApi
  accounts: Account[] | null
  /** Set from the queue ("Show the wire exchange"); null shows everything. */
  jobFilter: WireFilter | null
  onClearJobFilter: () => void
  /** Hidden areas stay mounted; this one renders its list only while shown (it may hold thousands of lines of XML). */
  visible: boolean
}

type Tab = 'exchanges' | 'console'
const tabs: { id: Tab; label: string }[] = [
  { id: 'exchanges', label: 'Exchanges' },
  { id: 'console', label: 'Call a method' },
]

/** What went out and what came back, for every XML-RPC call the app made. */
export const InspectorView = memo(function InspectorView({
  api,
  accounts,
  jobFilter,
  onClearJobFilter,
  visible,
}: Props) {
  const { entries, error } = useWire(api)
  const [tab, setTab] = useState<Tab>('exchanges')
  const [accountId, setAccountId] = useState('')
  const [text, setText] = useState('')
  const [selectedId, setSelectedId] = useState<number | null>(null)
  const id = useId()

  const query = text.trim()
  const shown = useMemo(() => {
    const filter: WireFilter = jobFilter ?? { ...(accountId ? { accountId } : {}), ...(query ? { text: query } : {}) }
    return entries.filter((e) => matches(e, filter))
  }, [entries, jobFilter, accountId, query])
  const selected = shown.find((e) => e.id === selectedId) ?? shown[0] ?? null

  // A job's exchanges: show the tab, and its first call.
  useEffect(() => {
    if (!jobFilter) return
    setTab('exchanges')
    setSelectedId(null)
  }, [jobFilter])

  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return
    const next =
      tabs[(tabs.findIndex((t) => t.id === tab) + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length].id
    setTab(next)
    document.getElementById(`${id}-tab-${next}`)?.focus()
  }

  return (
    <section className="inspector" aria-labelledby={`${id}-title`}>
      <header className="area-header inspector-header">
        <h1 id={`${id}-title`}>Inspector</h1>
        <div role="tablist" aria-label="Inspector views" className="tabs" onKeyDown={onTabKey}>
          {tabs.map((t) => (
            <button
              key={t.id}
              id={`${id}-tab-${t.id}`}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              aria-controls={`${id}-panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              className="tab"
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
      </header>
      <div
        id={`${id}-panel-exchanges`}
        role="tabpanel"
        aria-labelledby={`${id}-tab-exchanges`}
        hidden={tab !== 'exchanges'}
        className="inspector-panel"
      >
        <div className="inspector-filters">
          {jobFilter ? (
            <p className="filter-chip">
              Showing the exchanges of “{jobFilter.jobLabel}”
              {jobFilter.from ? ` from ${formatWhen(jobFilter.from, undefined, true)}` : ''}
              <button type="button" className="button small" onClick={onClearJobFilter}>
                Show all
              </button>
            </p>
          ) : (
            <>
              <label htmlFor={`${id}-account`}>Account</label>
              <select id={`${id}-account`} value={accountId} onChange={(e) => setAccountId(e.target.value)}>
                <option value="">All accounts</option>
                {accounts?.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
              <label htmlFor={`${id}-text`}>Method</label>
              <input
                id={`${id}-text`}
                type="search"
                value={text}
                placeholder="e.g. webHost"
                onChange={(e) => setText(e.target.value)}
              />
            </>
          )}
          <span className="muted spacer-left">
            {shown.length} of {entries.length} exchanges
          </span>
        </div>
        <ErrorNote error={error} context="The exchanges couldn’t be listed" />
        {entries.length === 0 && !error && (
          <p className="empty-note">
            No exchanges yet. Publish something, test an account or call a method, and each request and answer shows
            here.
          </p>
        )}
        {entries.length > 0 && shown.length === 0 && (
          <p className="empty-note">
            No exchanges match. {jobFilter ? 'The job may not have reached the network yet.' : ''}
          </p>
        )}
        {visible && shown.length > 0 && (
          <div className="inspector-split">
            <div className="exchanges-scroll">
              <ExchangeList entries={shown} selectedId={selected?.id ?? null} onSelect={setSelectedId} />
            </div>
            {selected && <ExchangeDetail entry={selected} />}
          </div>
        )}
      </div>
      <div
        id={`${id}-panel-console`}
        role="tabpanel"
        aria-labelledby={`${id}-tab-console`}
        hidden={tab !== 'console'}
        className="inspector-panel"
      >
        {accounts && accounts.length > 0 ? (
          <CallConsole
            api={api}
            accounts={accounts}
            onShowEntry={(entryId) => {
              onClearJobFilter()
              setAccountId('')
              setText('')
              setSelectedId(entryId)
              setTab('exchanges')
            }}
          />
        ) : (
          <p className="empty-note">Add an account first: the console calls its server.</p>
        )}
      </div>
    </section>
  )
})
