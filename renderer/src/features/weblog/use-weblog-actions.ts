import { useCallback, useState } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { Job } from '../../../../shared/model'
import type { Result } from '../../../../shared/result'
import type { SiteDryRun, WeblogSettingsInput } from '../../../../shared/weblog'
import type { useWeblog } from './use-weblog'

export type WeblogAction =
  'sync' | 'dry-run' | 'publish' | 'remove' | 'settings' | 'subscribe' | 'unsubscribe' | 'new-post'

/** What the Weblog area asks of the core; one action at a time, its error shown where it was asked. */
export function useWeblogActions(
  api: UpstreamApi,
  accountId: string | null,
  weblog: ReturnType<typeof useWeblog>,
  onJob: (job: Job) => void,
) {
  const [busy, setBusy] = useState<WeblogAction | null>(null)
  const [failure, setFailure] = useState<{ action: WeblogAction; error: AppError } | null>(null)
  const [dryRun, setDryRun] = useState<SiteDryRun | null>(null)
  const { load, put } = weblog

  const act = useCallback(
    async <T>(action: WeblogAction, ask: (accountId: string) => Promise<Result<T>>): Promise<T | null> => {
      if (!accountId) return null
      setBusy(action)
      setFailure(null)
      try {
        const r = await ask(accountId)
        if (!r.ok) setFailure({ action, error: r.error })
        return r.ok ? r.value : null
      } finally {
        setBusy(null)
      }
    },
    [accountId],
  )

  const queued = useCallback(
    (job: Job | null) => {
      if (!job) return
      onJob(job)
      void load(['status'])
    },
    [onJob, load],
  )

  return {
    busy,
    failure,
    errorFor: (action: WeblogAction) => (failure?.action === action ? failure.error : null),
    dryRun,
    clearDryRun: () => setDryRun(null),
    syncNow: async () => queued(await act('sync', (id) => api.invoke('site.sync', { accountId: id }))),
    runDryRun: async () => setDryRun(await act('dry-run', (id) => api.invoke('site.dryRun', { accountId: id }))),
    publish: async (draftId: string, categories: string[]) => {
      const job = await act('publish', (id) =>
        api.invoke('weblog.posts.publish', { accountId: id, draftId, categories }),
      )
      queued(job)
      if (job) void load(['posts'])
      return job !== null
    },
    remove: async (postId: string) => {
      const r = await act('remove', (id) => api.invoke('weblog.posts.remove', { accountId: id, id: postId }))
      if (!r) return
      queued(r.job)
      void load(['posts'])
    },
    saveSettings: async (input: Partial<WeblogSettingsInput>) => {
      const saved = await act('settings', (id) => api.invoke('weblog.settings.save', { accountId: id, ...input }))
      if (saved) put('settings', saved)
      if (saved) void load(['status'])
      return saved !== null
    },
    subscribe: async (url: string) => {
      const sub = await act('subscribe', (id) => api.invoke('site.subscribe', { accountId: id, url }))
      void load(['subscriptions']) // a failed registration is kept (and retried): list it either way
      return sub !== null
    },
    unsubscribe: async (url: string) => {
      await act('unsubscribe', (id) => api.invoke('site.unsubscribe', { accountId: id, url }))
      void load(['subscriptions'])
    },
    /** A new draft of kind 'post' for this weblog, saved so Write can open it. */
    newPost: () =>
      act('new-post', (id) =>
        api.invoke('drafts.save', { kind: 'post', format: 'markdown', title: '', body: '', accountId: id }),
      ),
  }
}

export type WeblogActions = ReturnType<typeof useWeblogActions>
