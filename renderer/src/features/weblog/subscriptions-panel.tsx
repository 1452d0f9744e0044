import { useId, useState, type FormEvent } from 'react'
import type { AppError } from '../../../../shared/errors'
import type { WeblogSubscription } from '../../../../shared/weblog'
import { ErrorNote } from '../../components/error-note'
import { formatWhen } from '../../lib/format'
import type { WeblogActions } from './use-weblog-actions'

interface Props {
  subscriptions: WeblogSubscription[] | null
  error: AppError | undefined
  actions: WeblogActions
  /** The home page's URL, offered as the first thing to watch. */
  suggestion: string | null
}

/** pleaseNotify: the server calls back when a page changes, and a notification says so. */
export function SubscriptionsPanel({ subscriptions, error, actions, suggestion }: Props) {
  const id = useId()
  const [url, setUrl] = useState('')
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (url.trim() && (await actions.subscribe(url.trim()))) setUrl('')
  }
  return (
    <section className="weblog-card" aria-labelledby="weblog-subs-title">
      <h2 id="weblog-subs-title">Subscriptions</h2>
      <p className="hint">
        Upstream asks the server to call back when a page changes (renewed every day) and shows a notification when it
        does.
      </p>
      <ErrorNote error={error} context="The subscriptions couldn’t be listed" />
      <form className="weblog-inline-form" onSubmit={(e) => void submit(e)} aria-label="Subscribe to a page">
        <label htmlFor={`${id}-url`} className="visually-hidden">
          Page URL to watch
        </label>
        <input
          id={`${id}-url`}
          type="url"
          value={url}
          placeholder={suggestion ?? 'http://…/index.html'}
          spellCheck={false}
          onChange={(e) => setUrl(e.target.value)}
        />
        <button type="submit" className="button small" disabled={!url.trim() || actions.busy !== null}>
          Subscribe
        </button>
      </form>
      <ErrorNote error={actions.errorFor('subscribe') ?? actions.errorFor('unsubscribe')} />
      {subscriptions?.length === 0 && <p className="muted">No subscriptions.</p>}
      <ul className="weblog-subs" aria-label="Subscriptions">
        {subscriptions?.map((s) => (
          <li key={s.url} className="weblog-sub">
            <div className="weblog-post-text">
              <code>{s.url}</code>
              <p className="muted">
                {s.active ? `Active until ${formatWhen(s.expiresAt!)}` : 'Not registered'}
                {s.lastNotifiedAt && <> · changed {formatWhen(s.lastNotifiedAt)}</>}
              </p>
              {s.lastError && <p className="job-error">{s.lastError} Upstream tries again every hour.</p>}
            </div>
            <button
              type="button"
              className="button small"
              aria-label={`Unsubscribe from ${s.url}`}
              disabled={actions.busy !== null}
              onClick={() => void actions.unsubscribe(s.url)}
            >
              Unsubscribe
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
