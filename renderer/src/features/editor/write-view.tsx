import { memo, useCallback, useEffect, useRef, useState } from 'react'
import type { Events, UpstreamApi } from '../../../../shared/api'
import type { Account, Draft, Job } from '../../../../shared/model'
import type { Result } from '../../../../shared/result'
import type { Command, CommandBus } from '../../app/commands'
import { MergeDialog } from '../conflict/merge-dialog'
import { defaultAccountId } from './account-choices'
import { DraftEditor } from './draft-editor'
import { DraftList } from './draft-list'
import { serverFields } from './editor-draft'
import { OpenFromServerDialog } from './open-from-server-dialog'
import type { SaveStatus } from './save-status'
import { useConflict } from './use-conflict'
import { useDraftList } from './use-draft-list'
import { useDraftSession } from './use-draft-session'
import { useDraftSync } from './use-draft-sync'
import { usePublish } from './use-publish'
import { useUnloadGuard } from './use-unload-guard'
import { useUploads } from './use-uploads'
import { Welcome } from './welcome'

interface Props {
  api: UpstreamApi
  bus: CommandBus
  accounts: Account[] | null
  notify: (n: Events['notification']) => void
  onPublished: (job: Job) => void
  onStatus: (status: SaveStatus) => void
  /** Another area asks to show a draft (the queue's "Compare versions…"). */
  openRequest: { id: string } | null
}

/**
 * The Write area: the drafts on the left, the open draft with its preview on the right. Memoised:
 * queue progress and wire events re-render the shell many times a second, and none concern it.
 */
export const WriteView = memo(function WriteView({
  api,
  bus,
  accounts,
  notify,
  onPublished,
  onStatus,
  openRequest,
}: Props) {
  const list = useDraftList(api)
  const session = useDraftSession(api, list.upsert)
  const { publish, publishing } = usePublish(api, session, notify, onPublished)
  const conflict = useConflict(api, session, notify)
  const [openingFromServer, setOpeningFromServer] = useState(false)
  const searchRef = useRef<HTMLInputElement>(null)
  const titleRef = useRef<HTMLInputElement>(null)
  useUnloadGuard(session.isDirty, session.flush)
  useEffect(() => onStatus(session.status), [onStatus, session.status])

  // The open draft stays when the switch fails (its unsaved words included); say why.
  const report = useCallback(
    (title: string, r: Result<null>) => !r.ok && notify({ level: 'error', title, body: r.error.message }),
    [notify],
  )
  const open = useCallback(
    async (id: string) => report('Couldn’t open that draft', await session.open(id)),
    [session, report],
  )
  const startNew = useCallback(async () => {
    const kind = session.latest()?.kind ?? 'page' // a writer of messages goes on writing messages
    const r = await session.create(defaultAccountId(kind, accounts ?? []), kind)
    report('Couldn’t start a new draft', r)
    if (r.ok) titleRef.current?.focus()
  }, [session, accounts, report])

  // Enclosures need a draft on disk: a new one is saved first.
  const ensureDraftId = useCallback(async () => {
    const saved = await session.saveNow()
    if (saved && !saved.ok) {
      notify({
        level: 'error',
        title: 'Files not added',
        body: `The draft couldn’t be saved first: ${saved.error.message}`,
      })
      return null
    }
    return session.latest()?.id ?? null
  }, [session, notify])
  const { amend } = session
  const onServerDraft = useCallback(
    (d: Draft) => session.latest()?.id === d.id && amend(serverFields(d)),
    [session, amend],
  )
  const uploads = useUploads(api, ensureDraftId, onServerDraft)

  const onOpened = useCallback(
    async (d: Draft) => {
      setOpeningFromServer(false)
      list.upsert(d)
      report('Couldn’t show that message', await session.load(d))
    },
    [list, session, report],
  )

  // Reply: a new message draft whose parent is the msgnum exactly as the server gave it (type included).
  const onReply = useCallback(
    async (accountId: string, parent: string | number) => {
      const input = { kind: 'message' as const, format: 'html' as const, title: '', body: '', accountId }
      const r = await api.invoke('drafts.save', { ...input, inResponseTo: parent })
      if (r.ok) await onOpened(r.value)
      else report('Couldn’t start the reply', { ok: false, error: r.error })
    },
    [api, onOpened, report],
  )

  // A new draft made before the accounts arrived gets the default account once they do.
  const { draft } = session
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

  // Only a new request opens: `open` changes with the session, and must not re-open on its own.
  const openRef = useRef(open)
  openRef.current = open
  useEffect(() => void (openRequest && openRef.current(openRequest.id)), [openRequest])

  const handlers = useRef<(c: Command) => void>(() => {})
  handlers.current = (c) => {
    if (c === 'new-draft') void startNew()
    else if (c === 'save') void session.saveNow()
    else if (c === 'publish' && session.draft && !session.draft.conflict) void publish()
    else if (c === 'search') requestAnimationFrame(() => (searchRef.current?.focus(), searchRef.current?.select())) // once shown
  }
  useEffect(() => bus.subscribe((c) => handlers.current(c)), [bus])

  return (
    <div className="write">
      <h1 className="visually-hidden">Write</h1>
      <DraftList
        summaries={list.summaries}
        error={list.error}
        accounts={accounts}
        selectedId={session.draft?.id}
        onQuery={list.setQuery}
        onSelect={(id) => void open(id)}
        onNew={() => void startNew()}
        onOpenFromServer={() => setOpeningFromServer(true)}
        searchRef={searchRef}
      />
      {draft ? (
        <DraftEditor
          api={api}
          draft={draft}
          accounts={accounts}
          publishing={publishing}
          titleRef={titleRef}
          onEdit={session.edit}
          onSave={() => void session.saveNow()}
          onPublish={() => void publish()}
          uploads={uploads}
          onServerDraft={onServerDraft}
          onReply={(accountId, parent) => void onReply(accountId, parent)}
          conflict={{
            busy: conflict.busy,
            onKeepMine: () => void conflict.resolve({ choice: 'mine' }),
            onTakeTheirs: () => void conflict.resolve({ choice: 'theirs' }),
            onMerge: () => conflict.setMerging(true),
          }}
        />
      ) : (
        <Welcome onNew={() => void startNew()} onOpenFromServer={() => setOpeningFromServer(true)} />
      )}
      {openingFromServer && (
        <OpenFromServerDialog
          api={api}
          accounts={accounts ?? []}
          onOpened={(d) => void onOpened(d)}
          onClose={() => setOpeningFromServer(false)}
        />
      )}
      {conflict.merging && draft?.conflict && (
        <MergeDialog
          base={{ title: draft.base?.title ?? draft.title, body: draft.base?.body ?? '' }}
          mine={{ title: draft.title, body: draft.body }}
          theirs={draft.conflict.theirs}
          busy={conflict.busy}
          onCancel={() => conflict.setMerging(false)}
          onSave={(m) => void conflict.resolve({ choice: 'merged', ...m })}
        />
      )}
    </div>
  )
})
