import { useCallback, useState } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { Account } from '../../../../shared/model'
import { errorText } from '../../lib/error-text'
import type { AccountSubmit } from './account-form'
import { forgetReport, recordReport } from './connection-reports'

/** Account actions and what each said, per account; the list refreshes after every change. */
export function useAccountActions(api: UpstreamApi, refresh: () => Promise<void>) {
  const [busy, setBusy] = useState<Record<string, string>>({})
  const [messages, setMessages] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const run = useCallback(async (account: Account, what: string, call: () => Promise<string | null>) => {
    setBusy((b) => ({ ...b, [account.id]: what }))
    setMessages(({ [account.id]: _, ...rest }) => rest)
    try {
      const message = await call()
      if (message) setMessages((m) => ({ ...m, [account.id]: message }))
    } finally {
      setBusy(({ [account.id]: _, ...rest }) => rest)
    }
  }, [])

  const test = useCallback(
    (a: Account) =>
      run(a, 'test', async () => {
        const r = await api.invoke('accounts.test', { id: a.id })
        if (!r.ok) return errorText(r.error, 'The test couldn’t run')
        recordReport(a, r.value)
        void refresh() // the test stored what it detected (the server profile)
        return null
      }),
    [api, run, refresh],
  )

  const register = useCallback(
    (a: Account) =>
      run(a, 'register', async () => {
        const r = await api.invoke('accounts.register', { id: a.id })
        await refresh()
        return r.ok
          ? `Registered: your member number is ${String(r.value.usernum ?? '—')}.`
          : errorText(r.error, 'Not registered')
      }),
    [api, run, refresh],
  )

  const forgot = useCallback(
    (a: Account) =>
      run(a, 'forgot', async () => {
        const r = await api.invoke('accounts.forgotPassword', { id: a.id })
        return r.ok
          ? r.value.message || 'The server says it has mailed you your password.'
          : errorText(r.error, 'The server couldn’t mail the password')
      }),
    [api, run],
  )

  const remove = useCallback(
    async (a: Account): Promise<string | null> => {
      const r = await api.invoke('accounts.remove', { id: a.id })
      if (!r.ok) return errorText(r.error, `“${a.name}” wasn’t removed`)
      forgetReport(a.id)
      await refresh()
      return null
    },
    [api, refresh],
  )

  /** Saves, then registers a new community member when asked; true once the form can close. */
  const save = useCallback(
    async ({ input, register: andRegister }: AccountSubmit): Promise<boolean> => {
      setSaving(true)
      setFormError(null)
      try {
        const r = await api.invoke('accounts.save', input)
        if (!r.ok) {
          setFormError(errorText(r.error, 'Not saved'))
          return false
        }
        await refresh()
        if (andRegister) void register(r.value)
        return true
      } finally {
        setSaving(false)
      }
    },
    [api, refresh, register],
  )

  return { busy, messages, formError, setFormError, saving, test, register, forgot, remove, save }
}
