import { useCallback, useEffect, useRef } from 'react'
import type { Events, UpstreamApi } from '../../../../shared/api'
import type { Account, Job } from '../../../../shared/model'
import type { Command, CommandBus } from '../../app/commands'
import { defaultAccountId } from './account-choices'
import { DraftEditor } from './draft-editor'
import { DraftList } from './draft-list'
import type { SaveStatus } from './save-status'
import { useDraftList } from './use-draft-list'
import { useDraftSession } from './use-draft-session'
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

  const refuse = useCallback(
    (r: { ok: boolean; error?: { message: string } }) =>
      !r.ok && notify({ level: 'error', title: 'Can’t leave this draft yet', body: `It isn’t saved: ${r.error?.message}` }),
    [notify],
  )
  const open = useCallback(async (id: string) => refuse(await session.open(id)), [session, refuse])
  const startNew = useCallback(async () => {
    const r = await session.create(defaultAccountId('page', accounts ?? []))
    refuse(r)
    if (r.ok) titleRef.current?.focus()
  }, [session, accounts, refuse])

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

  // Another window or the CLI saved the open draft: follow it, unless we have edits of our own.
  const { latest, isSettled, open: reopen } = session
  useEffect(
    () =>
      api.on('draft.saved', (e) => {
        const d = latest()
        if (d?.id === e.id && e.revision > d.revision && isSettled()) void reopen(e.id)
      }),
    [api, latest, isSettled, reopen],
  )

  // A finished publish adds a record to its draft (no draft.saved for that): show it in the list,
  // and in the open draft without disturbing the text being edited.
  const { refresh: refreshList } = list
  useEffect(
    () =>
      api.on('queue.job', async (job) => {
        if (job.state !== 'done') return
        void refreshList()
        if (latest()?.id !== job.draftId) return
        const r = await api.invoke('drafts.get', { id: job.draftId })
        if (r.ok && latest()?.id === r.value.id) amend({ published: r.value.published, revision: r.value.revision })
      }),
    [api, refreshList, latest, amend],
  )

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
