import { useEffect, useId, useMemo, useRef, useState, type Ref } from 'react'
import type { AppError } from '../../../../shared/errors'
import type { Account, DraftQuery, DraftSummary } from '../../../../shared/model'
import { shortcutProps } from '../../app/commands'
import { ErrorNote } from '../../components/error-note'
import { useDebounced } from '../../lib/use-debounced'
import { DraftListItem } from './draft-list-item'
import { groupByAccount, type StateFilter } from './draft-groups'
import { VIRTUAL_FROM, VirtualDraftRows } from './virtual-draft-rows'

interface Props {
  summaries: DraftSummary[] | null
  error: AppError | null
  accounts: Account[] | null
  selectedId: string | undefined
  onQuery: (q: DraftQuery) => void
  onSelect: (id: string) => void
  onNew: () => void
  onOpenFromServer: () => void
  searchRef: Ref<HTMLInputElement>
}

/** Drafts by account, newest first; the search box asks the core, which looks in titles and bodies. */
export function DraftList({
  summaries,
  error,
  accounts,
  selectedId,
  onQuery,
  onSelect,
  onNew,
  onOpenFromServer,
  searchRef,
}: Props) {
  const [text, setText] = useState('')
  const [accountId, setAccountId] = useState('')
  const [state, setState] = useState<StateFilter>('all')
  const settledText = useDebounced(text.trim(), 200)
  const id = useId()

  const first = useRef(true)
  useEffect(() => {
    if (first.current && !settledText && !accountId) return void (first.current = false) // the list loads itself
    first.current = false
    onQuery({ ...(settledText ? { text: settledText } : {}), ...(accountId ? { accountId } : {}) })
  }, [settledText, accountId, onQuery])

  const groups = useMemo(() => groupByAccount(summaries ?? [], accounts ?? [], state), [summaries, accounts, state])
  const searching = settledText !== '' || accountId !== '' || state !== 'all'
  const scrollRef = useRef<HTMLDivElement>(null)
  const shown = groups.reduce((n, g) => n + g.items.length, 0)

  return (
    <aside className="draft-list" aria-label="Drafts">
      <div className="draft-list-top">
        <input
          ref={searchRef}
          type="search"
          className="search"
          placeholder="Search drafts"
          aria-label="Search drafts"
          {...shortcutProps('search', 'Search drafts')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="button" className="button" onClick={onNew} {...shortcutProps('new-draft', 'New draft')}>
          New
        </button>
      </div>
      <div className="draft-filters">
        <label className="visually-hidden" htmlFor={`${id}-account`}>
          Show drafts for account
        </label>
        <select id={`${id}-account`} value={accountId} onChange={(e) => setAccountId(e.target.value)}>
          <option value="">All accounts</option>
          {accounts?.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor={`${id}-state`}>
          Show drafts in state
        </label>
        <select id={`${id}-state`} value={state} onChange={(e) => setState(e.target.value as StateFilter)}>
          <option value="all">Any state</option>
          <option value="unpublished">Not published</option>
          <option value="published">Published</option>
        </select>
      </div>
      <button type="button" className="link-button open-from-server" onClick={onOpenFromServer}>
        Open from server…
      </button>
      <ErrorNote error={error} context="The drafts couldn’t be listed" />
      {summaries?.length === 0 && !searching && <p className="muted list-note">No drafts yet.</p>}
      {summaries && groups.length === 0 && searching && (
        <p className="muted list-note" role="status">
          {settledText ? `No drafts match “${settledText}” in their titles or text.` : 'No drafts match these filters.'}
        </p>
      )}
      <div className="draft-groups" ref={scrollRef}>
        {shown > VIRTUAL_FROM ? (
          <VirtualDraftRows groups={groups} selectedId={selectedId} onSelect={onSelect} scrollRef={scrollRef} />
        ) : (
          groups.map((g) => (
            <section key={g.key} className="draft-group" aria-labelledby={`${id}-${g.key}`}>
              <h2 id={`${id}-${g.key}`} className="group-heading">
                {g.label}
              </h2>
              <ul className="draft-items">
                {g.items.map((s) => (
                  <DraftListItem key={s.id} summary={s} selected={s.id === selectedId} onSelect={onSelect} />
                ))}
              </ul>
            </section>
          ))
        )}
      </div>
    </aside>
  )
}
