import type { Account } from '../../../../shared/model'
import { accountKindLabel } from './account-kinds'

/** One account. The password itself never reaches the renderer, only whether one is stored. */
export function AccountItem({ account }: { account: Account }) {
  const headingId = `account-${account.id}-name`
  return (
    <li className="account" aria-labelledby={headingId}>
      <div className="account-top">
        <h3 id={headingId}>{account.name}</h3>
        {account.builtin === 'sandbox' && <span className="badge badge-good">Local sandbox</span>}
      </div>
      <dl className="facts">
        <dt>Kind</dt>
        <dd>{accountKindLabel[account.kind] ?? account.kind}</dd>
        <dt>Server</dt>
        <dd>
          <code>{account.url}</code>
        </dd>
        <dt>{account.kind === 'community' ? 'E-mail' : 'Username'}</dt>
        <dd>{account.username || '—'}</dd>
        {account.dgname && (
          <>
            <dt>Group</dt>
            <dd>{account.dgname}</dd>
          </>
        )}
        {account.usernum !== undefined && (
          <>
            <dt>Member number</dt>
            <dd>{String(account.usernum)}</dd>
          </>
        )}
        <dt>Password</dt>
        <dd>{account.hasPassword ? 'Stored' : 'Not stored'}</dd>
      </dl>
    </li>
  )
}
