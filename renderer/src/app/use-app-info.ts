import { useEffect, useState } from 'react'
import type { AppInfo, UpstreamApi } from '../../../shared/api'
import type { AppError } from '../../../shared/errors'

export function useAppInfo(api: UpstreamApi): { info: AppInfo | null; error: AppError | null } {
  const [state, setState] = useState<{ info: AppInfo | null; error: AppError | null }>({ info: null, error: null })
  useEffect(() => {
    let live = true
    void api
      .invoke('app.info')
      .then((r) => live && setState(r.ok ? { info: r.value, error: null } : { info: null, error: r.error }))
    return () => void (live = false)
  }, [api])
  return state
}
