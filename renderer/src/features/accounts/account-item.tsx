import type { ReactNode } from 'react'
import type { Account, ConnectionReport } from '../../../../shared/model'
import { formatWhen } from '../../lib/format'
import { accountKindLabel } from './account-kinds'
import { ConnectionReportView } from './connection-report-view'

interface Props {
  account: Account
  report: ConnectionReport | undefined
  busy: string | null
  message: string | null
  onEdit: () => void
  onRemove: () => void
  onTest: () => void
  onRegister: () => void
  onForgot: () => void
  /** What only this kind of account shows (a blog's site and blog picker). */
  children?: ReactNode
}

/** One account. The password itself never reaches the renderer, only whether one is stored. */
export function AccountItem({
  account,
  report,
  busy,
  message,
  onEdit,
  onRemove,
  onTest,
  onRegister,
  onForgot,
  children,
}: Props) {
  const headingId = `account-${account.id}-name`
  const offersMail = account.kind === 'community' || report?.methods?.includes('xmlStorageSystem.mailPasswordToUser')
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
        <dt>{account.kind === 'community' || account.kind === 'discussion' ? 'E-mail' : 'Username'}</dt>
        <dd>{account.username || '—'}</dd>
        {account.dgname && (
          <>
            <dt>Group</dt>
            <dd>{account.dgname}</dd>
          </>
        )}
        {account.kind === 'community' && (
          <>
            <dt>Member number</dt>
            <dd>{account.usernum !== undefined ? String(account.usernum) : 'Not registered yet'}</dd>
          </>
        )}
        <dt>Password</dt>
        <dd>{account.hasPassword ? 'Stored' : 'Not stored'}</dd>
        {account.profile?.detectedAt && (
          <>
            <dt>Server profile</dt>
            <dd>{profileSummary(account)}</dd>
          </>
        )}
      </dl>
      {children}
      <div className="job-actions">
        <button
          type="button"
          className="button small"
          disabled={busy !== null}
          onClick={onTest}
          aria-label={`Test connection to ${account.name}`}
        >
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        {account.kind === 'community' && account.usernum === undefined && (
          <button type="button" className="button small primary" disabled={busy !== null} onClick={onRegister}>
            {busy === 'register' ? 'Registering…' : 'Register'}
          </button>
        )}
        <button
          type="button"
          className="button small"
          disabled={busy !== null}
          onClick={onEdit}
          aria-label={`Edit ${account.name}`}
        >
          Edit
        </button>
        {offersMail && (
          <button
            type="button"
            className="button small"
            disabled={busy !== null}
            onClick={onForgot}
            aria-label={`Forgot password for ${account.name}`}
          >
            Forgot password
          </button>
        )}
        {account.builtin !== 'sandbox' && (
          <button
            type="button"
            className="button small danger"
            disabled={busy !== null}
            onClick={onRemove}
            aria-label={`Remove ${account.name}`}
          >
            Remove
          </button>
        )}
      </div>
      {message && (
        <p className="account-message" role="status">
          {message}
        </p>
      )}
      {report && <ConnectionReportView report={report} accountName={account.name} />}
    </li>
  )
}

/** The dialect in a line; Edit shows and changes each part. */
function profileSummary(a: Account): string {
  const p = a.profile!
  const parts = [`clock in ${p.timeZone}`, p.methods ? `${p.methods.length} methods` : 'no introspection']
  if (a.kind === 'community')
    parts.push(`uploads with ${p.uploadMethod}`, `registerUser with ${p.registerUserArity} parameters`)
  return `${parts.join(' · ')} (detected ${formatWhen(p.detectedAt!)})`
}
