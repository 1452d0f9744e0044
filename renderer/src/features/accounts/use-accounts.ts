import { useCallback, useEffect, useState } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { Account } from '../../../../shared/model'

/** Accounts from the core; the password never comes here, only whether one is stored. */
export function useAccounts(api: UpstreamApi) {
  const [accounts, setAccounts] = useState<Account[] | null>(null)
  const [error, setError] = useState<AppError | null>(null)

  const refresh = useCallback(async () => {
    const r = await api.invoke('accounts.list')
    if (r.ok) setAccounts(r.value)
    setError(r.ok ? null : r.error)
  }, [api])

  useEffect(() => void refresh(), [refresh])
  return { accounts, error, refresh }
}
