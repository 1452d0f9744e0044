import { useCallback, useEffect, useState } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { DraftSummary } from '../../../../shared/model'
import type { SiteStatusView, WeblogPost, WeblogSettings, WeblogSubscription } from '../../../../shared/weblog'

export interface WeblogData {
  posts: WeblogPost[] | null
  status: SiteStatusView | null
  settings: WeblogSettings | null
  subscriptions: WeblogSubscription[] | null
  /** Post drafts that could be published to this weblog. */
  drafts: DraftSummary[] | null
}

type Part = keyof WeblogData
const empty: WeblogData = { posts: null, status: null, settings: null, subscriptions: null, drafts: null }

/**
 * One community account's weblog, read from the core: listed when shown, again when a sync of this
 * account ends (URLs and status change) and when a notification arrives (a subscription was called).
 */
export function useWeblog(api: UpstreamApi, accountId: string | null, visible: boolean) {
  const [data, setData] = useState<WeblogData>(empty)
  const [errors, setErrors] = useState<Partial<Record<Part, AppError>>>({})

  const load = useCallback(
    async (parts: Part[]) => {
      if (!accountId) return
      const ask = (part: Part) => {
        if (part === 'posts') return api.invoke('weblog.posts.list', { accountId })
        if (part === 'status') return api.invoke('site.status', { accountId })
        if (part === 'settings') return api.invoke('weblog.settings.get', { accountId })
        if (part === 'subscriptions') return api.invoke('site.subscriptions', { accountId })
        return api.invoke('drafts.list', { kind: 'post' })
      }
      const answers = await Promise.all(parts.map(async (part) => [part, await ask(part)] as const))
      setData((d) => {
        const next = { ...d }
        for (const [part, r] of answers)
          if (r.ok)
            (next as Record<Part, unknown>)[part] =
              part === 'drafts'
                ? (r.value as DraftSummary[]).filter((s) => s.accountId === accountId || s.accountId === null)
                : r.value
        return next
      })
      setErrors((e) => {
        const next = { ...e }
        for (const [part, r] of answers) r.ok ? delete next[part] : (next[part] = r.error)
        return next
      })
    },
    [api, accountId],
  )
  const refresh = useCallback(() => load(['posts', 'status', 'settings', 'subscriptions', 'drafts']), [load])

  useEffect(() => setData(empty), [accountId])
  useEffect(() => void (visible && refresh()), [visible, refresh])
  useEffect(
    () =>
      api.on('queue.job', (job) => {
        if (
          job.action === 'site.sync' &&
          job.accountId === accountId &&
          job.state !== 'sending' &&
          job.state !== 'queued'
        )
          void load(['posts', 'status'])
      }),
    [api, accountId, load],
  )
  useEffect(() => api.on('notification', () => void load(['subscriptions'])), [api, load])

  const put = useCallback(
    <P extends Part>(part: P, value: WeblogData[P]) => setData((d) => ({ ...d, [part]: value })),
    [],
  )
  return { data, errors, load, refresh, put }
}
