import { useCallback, useEffect, useRef, useState } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { Draft } from '../../../../shared/model'
import { stageFile } from '../../bridge'

export interface Upload {
  key: number
  name: string
  size: number
  sent: number
  phase: 'uploading' | 'attaching' | 'failed'
  error?: AppError
}

/**
 * Files go to the host's staging route as the File object itself (XMLHttpRequest reads it off the
 * main thread: no bytes in JS strings, no JSON), then drafts.attach files the staged copy with the
 * draft. Progress reaches React at most once per frame.
 */
export function useUploads(api: UpstreamApi, ensureDraftId: () => Promise<string | null>, onDraft: (d: Draft) => void) {
  const [uploads, setUploads] = useState<Upload[]>([])
  const controllers = useRef(new Map<number, AbortController>())
  const nextKey = useRef(1)
  const progress = useRef(new Map<number, number>())
  const frame = useRef(0)

  useEffect(() => () => controllers.current.forEach((c) => c.abort()), [])

  const patch = (key: number, change: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)))
  const drop = (key: number) => setUploads((list) => list.filter((u) => u.key !== key))

  const flushProgress = useCallback(() => {
    frame.current = 0
    const seen = new Map(progress.current)
    setUploads((list) => list.map((u) => (seen.has(u.key) ? { ...u, sent: seen.get(u.key)! } : u)))
  }, [])

  const one = useCallback(
    async (file: File, draftId: string) => {
      const key = nextKey.current++
      const controller = new AbortController()
      controllers.current.set(key, controller)
      setUploads((list) => [...list, { key, name: file.name, size: file.size, sent: 0, phase: 'uploading' }])
      const staged = await stageFile(
        file,
        (sent) => {
          progress.current.set(key, sent)
          frame.current ||= requestAnimationFrame(flushProgress)
        },
        controller.signal,
      )
      controllers.current.delete(key)
      progress.current.delete(key)
      if (!staged.ok)
        return staged.error.kind === 'cancelled' ? drop(key) : patch(key, { phase: 'failed', error: staged.error })
      patch(key, { phase: 'attaching', sent: file.size })
      const attached = await api.invoke('drafts.attach', {
        draftId,
        fileId: staged.value.fileId,
        name: file.name,
        ...(file.type ? { type: file.type } : {}),
      })
      if (!attached.ok) return patch(key, { phase: 'failed', error: attached.error })
      drop(key)
      onDraft(attached.value)
    },
    [api, flushProgress, onDraft],
  )

  const add = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return
      const draftId = await ensureDraftId()
      if (!draftId) return
      await Promise.all(files.map((f) => one(f, draftId)))
    },
    [ensureDraftId, one],
  )

  const cancel = useCallback((key: number) => {
    const c = controllers.current.get(key)
    if (c) c.abort()
    else drop(key)
  }, [])

  return { uploads, add, cancel }
}
