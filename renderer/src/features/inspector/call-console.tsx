import { useEffect, useId, useState } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { AppError, JsonValue } from '../../../../shared/errors'
import type { Account, MethodInfo } from '../../../../shared/model'
import { ErrorNote } from '../../components/error-note'
import { errorText } from '../../lib/error-text'
import { formatTyped, parseArgs } from '../../lib/typed-args'

interface Props {
  api: UpstreamApi
  accounts: Account[]
  onShowEntry: (id: number) => void
}

type Methods = { state: 'loading' } | { state: 'ready'; methods: MethodInfo[] } | { state: 'failed'; error: AppError }
type Outcome = { ok: true; result: JsonValue; entryId?: number } | { ok: false; error: AppError } | null

/** For power users: any method on an account's server, arguments in the CLI's typed JSON. */
export function CallConsole({ api, accounts, onShowEntry }: Props) {
  const id = useId()
  const [accountId, setAccountId] = useState(accounts[0]?.id ?? '')
  const [method, setMethod] = useState('system.listMethods')
  const [args, setArgs] = useState('[]')
  const [methods, setMethods] = useState<Methods>({ state: 'loading' })
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [calling, setCalling] = useState(false)
  const parsed = parseArgs(args)
  const info = methods.state === 'ready' ? methods.methods.find((m) => m.name === method) : undefined

  useEffect(() => {
    if (!accountId && accounts[0]) setAccountId(accounts[0].id)
  }, [accountId, accounts])

  useEffect(() => {
    if (!accountId) return
    let live = true
    setMethods({ state: 'loading' })
    void api
      .invoke('inspector.methods', { accountId })
      .then(
        (r) => live && setMethods(r.ok ? { state: 'ready', methods: r.value } : { state: 'failed', error: r.error }),
      )
    return () => void (live = false)
  }, [api, accountId])

  const call = async () => {
    if (!parsed.ok) return
    setCalling(true)
    const r = await api.invoke('inspector.call', { accountId, method: method.trim(), params: parsed.value })
    setCalling(false)
    setOutcome(r.ok ? { ok: true, ...r.value } : { ok: false, error: r.error })
  }

  return (
    <section className="console" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        Call a method
      </h2>
      <form
        className="console-form"
        onSubmit={(e) => {
          e.preventDefault()
          void call()
        }}
      >
        <div className="form-row">
          <label htmlFor={`${id}-account`}>Account</label>
          <select id={`${id}-account`} value={accountId} onChange={(e) => setAccountId(e.target.value)}>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-method`}>Method</label>
          <input
            id={`${id}-method`}
            list={`${id}-methods`}
            value={method}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => setMethod(e.target.value)}
            aria-describedby={`${id}-method-hint`}
          />
          <datalist id={`${id}-methods`}>
            {methods.state === 'ready' && methods.methods.map((m) => <option key={m.name} value={m.name} />)}
          </datalist>
          <span id={`${id}-method-hint`} className="hint">
            {methods.state === 'loading' && 'Asking the server which methods it offers…'}
            {methods.state === 'failed' &&
              (methods.error.kind === 'unsupported'
                ? 'This server doesn’t describe its methods; type the name.'
                : errorText(methods.error, 'The methods couldn’t be listed'))}
            {methods.state === 'ready' && `${methods.methods.length} methods offered; type to pick one.`}
          </span>
          {info && (
            <span className="hint method-info">
              {info.signatures?.length ? (
                <code>
                  {info.signatures.map((s) => `${s[0]} ${info.name}(${s.slice(1).join(', ')})`).join('  |  ')}
                </code>
              ) : null}
              {info.help && <span className="method-help"> {info.help}</span>}
            </span>
          )}
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-args`}>Arguments (typed JSON)</label>
          <textarea
            id={`${id}-args`}
            className="args-input"
            value={args}
            spellCheck={false}
            rows={4}
            onChange={(e) => setArgs(e.target.value)}
            aria-describedby={`${id}-args-hint`}
            aria-invalid={!parsed.ok}
          />
          <span id={`${id}-args-hint`} className={parsed.ok ? 'hint' : 'hint inline-error'}>
            {parsed.ok
              ? 'A JSON array, one element per parameter: "text", 42, 4.2, true, null, [..], {..}, {"$base64": "aGk="}, {"$dateTime": "19980717T14:08:55"}, {"$double": 2}, {"$i8": "…"}. Methods that sign in take the password as an argument: type it here; the inspector and the wire log show it redacted.'
              : parsed.message}
          </span>
        </div>
        <div className="console-actions">
          <button
            type="submit"
            className="button primary"
            disabled={!accountId || !method.trim() || !parsed.ok || calling}
          >
            {calling ? 'Calling…' : 'Call'}
          </button>
        </div>
      </form>
      {outcome && !outcome.ok && (
        <>
          <ErrorNote error={outcome.error} context={`${method} failed`} />
          {typeof outcome.error.details?.entryId === 'number' && (
            <button
              type="button"
              className="link-button"
              onClick={() => onShowEntry(outcome.error.details!.entryId as number)}
            >
              Show the exchange
            </button>
          )}
        </>
      )}
      {outcome?.ok && (
        <div className="console-result">
          <header className="pane-header">
            <h3>Result</h3>
            {outcome.entryId !== undefined && (
              <button type="button" className="link-button" onClick={() => onShowEntry(outcome.entryId!)}>
                Show the exchange
              </button>
            )}
          </header>
          <pre className="result-json" tabIndex={0} aria-label="Result">
            {formatTyped(outcome.result)}
          </pre>
        </div>
      )}
    </section>
  )
}
