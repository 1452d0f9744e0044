import { useCallback, useEffect, useRef } from 'react'
import type { Events, UpstreamApi } from '../../../../shared/api'
import type { Account, Job } from '../../../../shared/model'
import type { Result } from '../../../../shared/result'
import type { Command, CommandBus } from '../../app/commands'
import { defaultAccountId } from './account-choices'
import { DraftEditor } from './draft-editor'
import { DraftList } from './draft-list'
import type { SaveStatus } from './save-status'
import { useDraftList } from './use-draft-list'
import { useDraftSession } from './use-draft-session'
import { useDraftSync } from './use-draft-sync'
import { usePublish } from './use-publish'
import { useUnloadGuard } from './use-unload-guard'
import { Welcome } from './welcome'

interface Props {
  api: UpstreamApi
  bus: CommandBus
  accounts: Account[] | null
  notify: (n: Events['notification']) => void
  onPublished: (job: Job) => void
  onStatus: (status: SaveStatus) => void
}

/** The Write area: the drafts on the left, the open draft with its preview on the right. */
export function WriteView({ api, bus, accounts, notify, onPublished, onStatus }: Props) {
  const list = useDraftList(api)
  const session = useDraftSession(api, list.upsert)
  const { publish, publishing } = usePublish(api, session, notify, onPublished)
  const searchRef = useRef<HTMLInputElement>(null)
  const titleRef = useRef<HTMLInputElement>(null)
  useUnloadGuard(session.isDirty, session.flush)
  useEffect(() => onStatus(session.status), [onStatus, session.status])

  // The open draft stays when the switch fails (its unsaved words included); say why.
  const report = useCallback(
    (title: string, r: Result<null>) => !r.ok && notify({ level: 'error', title, body: r.error.message }),
    [notify],
  )
  const open = useCallback(async (id: string) => report('Couldn’t open that draft', await session.open(id)), [session, report])
  const startNew = useCallback(async () => {
    const r = await session.create(defaultAccountId('page', accounts ?? []))
    report('Couldn’t start a new draft', r)
    if (r.ok) titleRef.current?.focus()
  }, [session, accounts, report])

  // A new draft made before the accounts arrived gets the default account once they do.
  const { draft, amend } = session
  useEffect(() => {
    if (draft && !draft.id && draft.accountId === null && accounts) {
      const id = defaultAccountId(draft.kind, accounts)
      if (id) amend({ accountId: id })
    }
  }, [draft, accounts, amend])

  // On start, reopen the most recent draft; a new user sees the welcome instead.
  const opened = useRef(false)
  useEffect(() => {
    if (opened.current || !list.summaries) return
    opened.current = true
    if (list.summaries[0] && !session.latest()) void open(list.summaries[0].id)
  }, [list.summaries, open, session])

  useDraftSync(api, session, list.refresh)

  const handlers = useRef<(c: Command) => void>(() => {})
  handlers.current = (c) => {
    if (c === 'new-draft') void startNew()
    else if (c === 'save') void session.saveNow()
    else if (c === 'publish' && session.draft) void publish()
    else if (c === 'search') requestAnimationFrame(() => (searchRef.current?.focus(), searchRef.current?.select())) // once shown
  }
  useEffect(() => bus.subscribe((c) => handlers.current(c)), [bus])

  return (
    <div className="write">
      <h1 className="visually-hidden">Write</h1>
      <DraftList
        summaries={list.summaries}
        error={list.error}
        selectedId={session.draft?.id}
        onSelect={(id) => void open(id)}
        onNew={() => void startNew()}
        searchRef={searchRef}
      />
      {session.draft ? (
        <DraftEditor
          draft={session.draft}
          accounts={accounts}
          publishing={publishing}
          titleRef={titleRef}
          onEdit={session.edit}
          onSave={() => void session.saveNow()}
          onPublish={() => void publish()}
        />
      ) : (
        <Welcome onNew={() => void startNew()} />
      )}
    </div>
  )
}
