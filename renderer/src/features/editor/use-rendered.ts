import { useEffect, useState } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { DraftFormat } from '../../../../shared/model'

export type Rendered =
  { state: 'local' } | { state: 'rendering' } | { state: 'ready'; html: string } | { state: 'failed'; error: AppError }

/**
 * Markdown is converted by the core (drafts.render), with the same converter publishing uses, so
 * the preview shows exactly what goes out. HTML and text are shown as written, locally.
 */
export function useRendered(api: UpstreamApi, body: string, format: DraftFormat): Rendered {
  const [rendered, setRendered] = useState<Rendered>({ state: 'local' })
  useEffect(() => {
    if (format !== 'markdown') return setRendered({ state: 'local' })
    let live = true
    setRendered((r) => (r.state === 'ready' ? r : { state: 'rendering' })) // keep the last preview while the next renders
    void api.invoke('drafts.render', { format, body }).then((r) => {
      if (live) setRendered(r.ok ? { state: 'ready', html: r.value.html } : { state: 'failed', error: r.error })
    })
    return () => void (live = false)
  }, [api, body, format])
  return rendered
}
