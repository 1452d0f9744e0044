import { useEffect, useState } from 'react'
import type { Events, UpstreamApi } from '../../../shared/api'

/** The Local sandbox's process as the core last told it (null: running as started, nothing to say). */
export function useSandboxState(api: UpstreamApi): Events['sandbox.state'] | null {
  const [state, setState] = useState<Events['sandbox.state'] | null>(null)
  useEffect(() => api.on('sandbox.state', setState), [api])
  return state
}
