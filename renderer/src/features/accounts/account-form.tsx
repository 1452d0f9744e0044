import { useId, useRef, useState, type FormEvent } from 'react'
import type { AccountInput, Account, AccountKind } from '../../../../shared/model'
import type { ServerProfile } from '../../../../shared/server-profile'
import { ModalDialog } from '../../components/modal-dialog'
import { accountKindLabel } from './account-kinds'
import { addableKinds, checkUrl, fieldsFor, type FieldSpec } from './account-fields'
import { ServerProfileFields } from './server-profile-fields'

export interface AccountSubmit {
  input: AccountInput
  /** community: register a new membership once saved. */
  register: boolean
}

interface Props {
  /** Absent: a new account. */
  account?: Account
  busy: boolean
  error: string | null
  onSubmit: (s: AccountSubmit) => void
  onClose: () => void
}

type Values = Record<FieldSpec['name'], string>

/**
 * Add or edit an account. The password field is write-only: never filled in, read once at submit
 * straight from the input (it is not React state), and cleared as soon as it has been sent.
 */
export function AccountForm({ account, busy, error, onSubmit, onClose }: Props) {
  const id = useId()
  const [kind, setKind] = useState<AccountKind>(account?.kind ?? 'discussion')
  const [values, setValues] = useState<Values>({
    name: account?.name ?? '',
    // A blog is known by its site's address; the endpoint found from it is the core's to keep.
    url: (account?.kind === 'blog' ? account.siteUrl : undefined) ?? account?.url ?? '',
    dgname: account?.dgname ?? '',
    username: account?.username ?? '',
  })
  const [membership, setMembership] = useState<'register' | 'existing'>(
    account?.usernum !== undefined ? 'existing' : 'register',
  )
  const [usernum, setUsernum] = useState(account?.usernum !== undefined ? String(account.usernum) : '')
  const [profile, setProfile] = useState<ServerProfile | undefined>(account?.profile)
  const [problem, setProblem] = useState<string | null>(null)
  const password = useRef<HTMLInputElement>(null)
  const managed = account?.builtin === 'sandbox' // its address and member are Upstream's to manage

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const urlProblem = checkUrl(values.url.trim())
    if (urlProblem) return setProblem(urlProblem)
    const missing = fieldsFor[kind].find((f) => values[f.name].trim() === '')
    if (missing) return setProblem(`Fill in “${missing.label}”.`)
    if (kind === 'community' && membership === 'existing' && !usernum.trim())
      return setProblem('Enter your member number, or choose to register.')
    const typed = password.current?.value ?? ''
    if (!account?.hasPassword && !managed && typed === '') return setProblem('Enter the password for this account.')
    setProblem(null)
    const input: AccountInput = {
      kind,
      name: values.name.trim(),
      url: values.url.trim(),
      username: values.username.trim(),
    }
    if (account) input.id = account.id
    if (kind === 'discussion') input.dgname = values.dgname.trim()
    if (kind === 'blog') input.siteUrl = values.url.trim()
    if (kind === 'community' && membership === 'existing')
      input.usernum =
        account?.usernum !== undefined && String(account.usernum) === usernum.trim() ? account.usernum : usernum.trim()
    if (typed) input.password = typed
    if (profile && profile !== account?.profile) input.profile = profile
    if (password.current) password.current.value = '' // sent once; never kept
    onSubmit({ input, register: kind === 'community' && membership === 'register' && account?.usernum === undefined })
  }

  const title = account ? `Edit “${account.name}”` : 'Add an account'
  return (
    <ModalDialog
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="button primary" disabled={busy}>
            {busy
              ? 'Saving…'
              : kind === 'community' && membership === 'register' && !account?.usernum
                ? 'Save and register'
                : 'Save'}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="account-form" onSubmit={submit} noValidate>
        <div className="form-row">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select
            id={`${id}-kind`}
            value={kind}
            disabled={account !== undefined}
            onChange={(e) => setKind(e.target.value as AccountKind)}
          >
            {(account ? [account.kind] : addableKinds).map((k) => (
              <option key={k} value={k}>
                {accountKindLabel[k]}
              </option>
            ))}
          </select>
        </div>
        {fieldsFor[kind].map((f) => (
          <div className="form-row" key={f.name}>
            <label htmlFor={`${id}-${f.name}`}>{f.label}</label>
            <input
              id={`${id}-${f.name}`}
              type={f.type ?? 'text'}
              value={values[f.name]}
              disabled={managed && f.name !== 'name'}
              placeholder={f.placeholder}
              spellCheck={false}
              autoComplete="off"
              aria-describedby={f.hint ? `${id}-${f.name}-hint` : undefined}
              onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
            />
            {f.hint && (
              <span id={`${id}-${f.name}-hint`} className="hint">
                {f.hint}
              </span>
            )}
          </div>
        ))}
        {managed && (
          <p className="hint">
            The Local sandbox’s address, member and password are managed by Upstream; you may rename it or edit its
            server profile.
          </p>
        )}
        <div className="form-row" hidden={managed}>
          <label htmlFor={`${id}-password`}>Password</label>
          <input
            id={`${id}-password`}
            ref={password}
            type="password"
            autoComplete="new-password"
            placeholder={account?.hasPassword ? 'Stored — type a new one to replace it' : ''}
            aria-describedby={`${id}-password-hint`}
          />
          <span id={`${id}-password-hint`} className="hint">
            Kept in Upstream’s secrets store; it is never shown again.
          </span>
        </div>
        {kind === 'community' && !managed && (
          <fieldset className="choices">
            <legend>Membership</legend>
            <label>
              <input
                type="radio"
                name={`${id}-membership`}
                checked={membership === 'register'}
                disabled={account?.usernum !== undefined}
                onChange={() => setMembership('register')}
              />
              Register as a new member
            </label>
            <label>
              <input
                type="radio"
                name={`${id}-membership`}
                checked={membership === 'existing'}
                onChange={() => setMembership('existing')}
              />
              I already have a member number
            </label>
            {membership === 'existing' && (
              <div className="form-row indent">
                <label htmlFor={`${id}-usernum`}>Member number</label>
                <input
                  id={`${id}-usernum`}
                  value={usernum}
                  placeholder="e.g. 0001234"
                  spellCheck={false}
                  onChange={(e) => setUsernum(e.target.value)}
                />
              </div>
            )}
          </fieldset>
        )}
        {profile && <ServerProfileFields profile={profile} onChange={setProfile} />}
        {(problem ?? error) && (
          <p className="inline-error" role="alert">
            {problem ?? error}
          </p>
        )}
      </form>
    </ModalDialog>
  )
}
