import { useCallback, useEffect, useState } from 'react'
import type { UpstreamApi } from '../../../shared/api'
import type { Job } from '../../../shared/model'
import { onConnection, type StreamStatus } from '../bridge'
import { AccountsView } from '../features/accounts/accounts-view'
import { InspectorView } from '../features/inspector/inspector-view'
import { filterForJob, type WireFilter } from '../features/inspector/wire-filter'
import { useJobNotifications } from '../features/queue/use-job-notifications'
import { useAccounts } from '../features/accounts/use-accounts'
import type { SaveStatus } from '../features/editor/save-status'
import { WriteView } from '../features/editor/write-view'
import { Toasts } from '../features/notifications/toasts'
import { useToasts } from '../features/notifications/use-toasts'
import { NoticeHistory } from '../features/notifications/notice-history'
import { useNoticeHistory } from '../features/notifications/use-notice-history'
import { isActive } from '../features/queue/job-list'
import { QueueView } from '../features/queue/queue-view'
import { useJobs } from '../features/queue/use-jobs'
import { WeblogView } from '../features/weblog/weblog-view'
import { useOnline } from '../lib/use-online'
import { areaForCommand, type Area } from './areas'
import { createCommandBus, type Command } from './commands'
import { Sidebar } from './sidebar'
import { StatusBar } from './status-bar'
import { useSandboxState } from './use-sandbox-state'
import { useAppInfo } from './use-app-info'
import { useMenuCommands } from './use-menu-commands'
import { useShortcuts } from './use-shortcuts'

/** Commands the Write area carries out; the shell brings it forward first. */
const writeCommands: Command[] = ['new-draft', 'save', 'publish', 'search']

export function App({ api }: { api: UpstreamApi }) {
  const [bus] = useState(createCommandBus)
  const [area, setArea] = useState<Area>('write')
  const [save, setSave] = useState<SaveStatus>({ kind: 'none' })
  const [focusJobId, setFocusJobId] = useState<string | null>(null)
  const [stream, setStream] = useState<StreamStatus | null>(null)
  const [wireFilter, setWireFilter] = useState<WireFilter | null>(null)
  const [openRequest, setOpenRequest] = useState<{ id: string } | null>(null)
  const online = useOnline()
  const { info, error: infoError } = useAppInfo(api)
  const { toasts, notify, dismiss } = useToasts(api)
  const notices = useNoticeHistory(api)
  const sandbox = useSandboxState(api)
  const queue = useJobs(api)
  const accounts = useAccounts(api)
  useJobNotifications(api, notify)

  useEffect(() => onConnection(setStream), [])
  useShortcuts(bus.emit)
  useMenuCommands(api, bus.emit)
  useEffect(
    () =>
      bus.subscribe((c) => {
        const target = writeCommands.includes(c) ? 'write' : areaForCommand(c)
        if (target) setArea(target)
      }),
    [bus],
  )

  // Accounts may change outside this window (CLI, first-run sandbox set-up): list them when shown.
  const refreshAccounts = accounts.refresh
  useEffect(() => void ((area === 'accounts' || area === 'weblog') && refreshAccounts()), [area, refreshAccounts])

  const { upsert } = queue
  const onPublished = useCallback(
    (job: Job) => {
      upsert(job)
      setArea('queue')
      setFocusJobId(job.id)
    },
    [upsert],
  )
  const onFocused = useCallback(() => setFocusJobId(null), [])
  const onShowWire = useCallback((job: Job) => {
    setWireFilter(filterForJob(job))
    setArea('inspector')
  }, [])
  const clearWireFilter = useCallback(() => setWireFilter(null), [])
  const hideNotices = notices.hide
  const onShowJob = useCallback(
    (jobId: string) => {
      hideNotices()
      setArea('queue')
      setFocusJobId(jobId)
    },
    [hideNotices],
  )
  const onOpenDraft = useCallback((id: string) => {
    setOpenRequest({ id }) // a new object each time, so asking twice opens twice
    setArea('write')
  }, [])
  const onNoticeDraft = useCallback(
    (id: string) => {
      hideNotices()
      onOpenDraft(id)
    },
    [hideNotices, onOpenDraft],
  )

  return (
    <div className="app">
      <Sidebar
        area={area}
        onArea={setArea}
        activeJobs={queue.jobs.filter(isActive).length}
        unreadNotices={notices.unread}
        onNotices={notices.show}
      />
      <main className="main">
        {/* Areas stay mounted while hidden, so the editor, its undo history and autosave live on. */}
        <div className="area" hidden={area !== 'write'}>
          <WriteView
            api={api}
            bus={bus}
            accounts={accounts.accounts}
            notify={notify}
            onPublished={onPublished}
            onStatus={setSave}
            openRequest={openRequest}
          />
        </div>
        <div className="area" hidden={area !== 'queue'}>
          <QueueView
            api={api}
            jobs={queue.jobs}
            error={queue.error}
            accounts={accounts.accounts}
            focusJobId={area === 'queue' ? focusJobId : null}
            onFocused={onFocused}
            upsert={upsert}
            notify={notify}
            onShowWire={onShowWire}
            onOpenDraft={onOpenDraft}
          />
        </div>
        <div className="area" hidden={area !== 'accounts'}>
          <AccountsView api={api} accounts={accounts.accounts} error={accounts.error} refresh={accounts.refresh} />
        </div>
        <div className="area" hidden={area !== 'inspector'}>
          <InspectorView
            api={api}
            accounts={accounts.accounts}
            jobFilter={wireFilter}
            onClearJobFilter={clearWireFilter}
            visible={area === 'inspector'}
          />
        </div>
        <div className="area" hidden={area !== 'weblog'}>
          <WeblogView
            api={api}
            accounts={accounts.accounts}
            jobs={queue.jobs}
            visible={area === 'weblog'}
            onJob={upsert}
            onOpenDraft={onOpenDraft}
          />
        </div>
      </main>
      <StatusBar save={save} online={online} stream={stream} info={info} infoError={infoError} sandbox={sandbox} />
      <Toasts toasts={toasts} onDismiss={dismiss} onShowJob={onShowJob} />
      {notices.open && (
        <NoticeHistory
          entries={notices.entries}
          error={notices.error}
          onClose={notices.hide}
          onClear={() => void notices.clear()}
          onShowJob={onShowJob}
          onOpenDraft={onNoticeDraft}
        />
      )}
    </div>
  )
}
