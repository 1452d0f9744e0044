import { useEffect, useId, useState } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { Account, Draft, TopicSummary } from '../../../../shared/model'
import { ErrorNote } from '../../components/error-note'
import { ModalDialog } from '../../components/modal-dialog'
import { errorText } from '../../lib/error-text'
import { formatWhen } from '../../lib/format'
import { BlogPostList } from './blog-post-list'

interface Props {
  api: UpstreamApi
  accounts: Account[]
  onOpened: (draft: Draft) => void
  onClose: () => void
}

type Topics = { state: 'loading' } | { state: 'ready'; topics: TopicSummary[] } | { state: 'failed'; error: AppError }

/**
 * A discussion message by its number (editMessage), or picked from the group's topics where the
 * server offers getTopics, becomes a local draft that keeps the server copy as its base; so does
 * a blog post picked from the blog's recent posts (BlogPostList).
 */
export function OpenFromServerDialog({ api, accounts, onOpened, onClose }: Props) {
  const groups = accounts.filter((a) => a.kind === 'discussion' || a.kind === 'blog')
  const [accountId, setAccountId] = useState(groups[0]?.id ?? '')
  const [msgnum, setMsgnum] = useState('')
  const [topics, setTopics] = useState<Topics>({ state: 'loading' })
  const [opening, setOpening] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const id = useId()

  const blog = accounts.find((a) => a.id === accountId)?.kind === 'blog'

  useEffect(() => {
    if (!accountId || blog) return
    let live = true
    setTopics({ state: 'loading' })
    void api.invoke('discussion.topics', { accountId, count: 30 }).then((r) => {
      if (live) setTopics(r.ok ? { state: 'ready', topics: r.value } : { state: 'failed', error: r.error })
    })
    return () => void (live = false)
  }, [api, accountId, blog])

  const open = async (num: string | number) => {
    setOpening(true)
    setError(null)
    const r = await api.invoke('drafts.openFromServer', { accountId, msgnum: num })
    setOpening(false)
    if (r.ok) onOpened(r.value)
    else setError(r.error)
  }

  const typed = msgnum.trim()
  return (
    <ModalDialog
      title="Open from server"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          {!blog && (
            <button
              type="submit"
              form={`${id}-form`}
              className="button primary"
              disabled={!accountId || !typed || opening}
            >
              {opening ? 'Opening…' : 'Open'}
            </button>
          )}
        </>
      }
    >
      {groups.length === 0 ? (
        <p>Add a discussion-group or blog account first (Accounts → Add account).</p>
      ) : (
        <form
          id={`${id}-form`}
          onSubmit={(e) => {
            e.preventDefault()
            if (typed) void open(typed)
          }}
        >
          {!blog && (
            <p className="muted">
              The message becomes a local draft you can edit offline. Publishing saves it back, or shows both versions
              if it changed on the server meanwhile.
            </p>
          )}
          <div className="form-row">
            <label htmlFor={`${id}-account`}>Discussion group or blog</label>
            <select id={`${id}-account`} value={accountId} onChange={(e) => setAccountId(e.target.value)}>
              {groups.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          <div className="form-row" hidden={blog}>
            <label htmlFor={`${id}-msgnum`}>Message number</label>
            <input
              id={`${id}-msgnum`}
              value={msgnum}
              spellCheck={false}
              placeholder="e.g. 000042"
              aria-describedby={`${id}-msgnum-hint`}
              onChange={(e) => setMsgnum(e.target.value)}
            />
            <span id={`${id}-msgnum-hint`} className="hint">
              Exactly as the server shows it, leading zeros included.
            </span>
          </div>
        </form>
      )}
      <ErrorNote error={error} context="Couldn’t open that message" />
      {blog && <BlogPostList api={api} accountId={accountId} onOpened={onOpened} />}
      {groups.length > 0 && !blog && (
        <section className="topics" aria-labelledby={`${id}-topics`}>
          <h3 id={`${id}-topics`}>Recent topics</h3>
          {topics.state === 'loading' && <p className="muted">Asking the server…</p>}
          {topics.state === 'failed' && (
            <p className="muted">
              {topics.error.kind === 'unsupported'
                ? 'This server doesn’t list its topics (no getTopics); enter the message number instead.'
                : errorText(topics.error, 'The topics couldn’t be listed')}
            </p>
          )}
          {topics.state === 'ready' && topics.topics.length === 0 && (
            <p className="muted">No messages in this group yet.</p>
          )}
          {topics.state === 'ready' && topics.topics.length > 0 && (
            <ul className="topic-items">
              {topics.topics.map((t) => (
                <li key={String(t.msgnum)}>
                  <button type="button" className="topic-item" disabled={opening} onClick={() => void open(t.msgnum)}>
                    <span className="topic-title">
                      <span className="topic-num">{String(t.msgnum)}</span> {t.title || '(no title)'}
                    </span>
                    <span className="muted">
                      {[
                        t.author,
                        t.whenCreated && formatWhen(t.whenCreated),
                        t.inResponseTo && t.inResponseTo !== 0 ? `reply to ${String(t.inResponseTo)}` : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </ModalDialog>
  )
}
