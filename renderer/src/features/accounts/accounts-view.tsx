import { memo, useState } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { Account } from '../../../../shared/model'
import { ErrorNote } from '../../components/error-note'
import { AccountForm } from './account-form'
import { AccountItem } from './account-item'
import { BlogAccountPanel } from './blog-account-panel'
import { ConfirmRemove } from './confirm-remove'
import { useReport } from './connection-reports'
import { useAccountActions } from './use-account-actions'

interface Props {
  api: UpstreamApi
  accounts: Account[] | null
  error: AppError | null
  refresh: () => Promise<void>
}

type Editing = { mode: 'add' } | { mode: 'edit'; account: Account } | null

export const AccountsView = memo(function AccountsView({ api, accounts, error, refresh }: Props) {
  const actions = useAccountActions(api, refresh)
  const [editing, setEditing] = useState<Editing>(null)
  const [removing, setRemoving] = useState<Account | null>(null)

  const close = () => {
    setEditing(null)
    actions.setFormError(null)
  }

  return (
    <section className="area-page" aria-labelledby="accounts-title">
      <header className="area-header">
        <h1 id="accounts-title">Accounts</h1>
        <button type="button" className="button primary small" onClick={() => setEditing({ mode: 'add' })}>
          Add account
        </button>
      </header>
      <ErrorNote error={error} context="The accounts couldn’t be listed" />
      {accounts === null && !error && <p className="muted">Loading accounts…</p>}
      {accounts?.length === 0 && (
        <p className="empty-note">No accounts yet. The Local sandbox appears here once the app has set it up.</p>
      )}
      <ul className="accounts">
        {accounts?.map((a) => (
          <AccountRow
            key={a.id}
            api={api}
            refresh={refresh}
            account={a}
            actions={actions}
            onEdit={() => setEditing({ mode: 'edit', account: a })}
            onRemove={() => setRemoving(a)}
          />
        ))}
      </ul>
      {editing && (
        <AccountForm
          account={editing.mode === 'edit' ? editing.account : undefined}
          busy={actions.saving}
          error={actions.formError}
          onClose={close}
          onSubmit={(s) => void actions.save(s).then((done) => done && close())}
        />
      )}
      {removing && (
        <ConfirmRemove account={removing} onRemove={() => actions.remove(removing)} onClose={() => setRemoving(null)} />
      )}
    </section>
  )
})

interface RowProps {
  api: UpstreamApi
  refresh: () => Promise<void>
  account: Account
  actions: ReturnType<typeof useAccountActions>
  onEdit: () => void
  onRemove: () => void
}

function AccountRow({ api, refresh, account, actions, onEdit, onRemove }: RowProps) {
  const report = useReport(account.id)
  return (
    <AccountItem
      account={account}
      report={report}
      busy={actions.busy[account.id] ?? null}
      message={actions.messages[account.id] ?? null}
      onEdit={onEdit}
      onRemove={onRemove}
      onTest={() => void actions.test(account)}
      onRegister={() => void actions.register(account)}
      onForgot={() => void actions.forgot(account)}
    >
      {account.kind === 'blog' && <BlogAccountPanel api={api} account={account} onChanged={refresh} />}
    </AccountItem>
  )
}
