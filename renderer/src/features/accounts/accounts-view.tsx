import type { AppError } from '../../../../shared/errors'
import type { Account } from '../../../../shared/model'
import { AccountItem } from './account-item'

interface Props {
  accounts: Account[] | null
  error: AppError | null
}

export function AccountsView({ accounts, error }: Props) {
  return (
    <section className="area-page" aria-labelledby="accounts-title">
      <h1 id="accounts-title">Accounts</h1>
      {error && <p className="inline-error">{error.message}</p>}
      {accounts === null && !error && <p className="muted">Loading accounts…</p>}
      {accounts?.length === 0 && <p className="empty-note">No accounts yet. The Local sandbox appears here once the app has set it up.</p>}
      <ul className="accounts">
        {accounts?.map((a) => <AccountItem key={a.id} account={a} />)}
      </ul>
    </section>
  )
}
