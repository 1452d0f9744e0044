import { useState } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { Account } from '../../../../shared/model'
import { errorText } from '../../lib/error-text'
import type { EditorDraft } from './editor-draft'

interface Props {
  api: UpstreamApi
  draft: EditorDraft
  account: Account | undefined
}

/**
 * Whether the draft stands for a post on this blog: opened from it, or last published there (and not deleted since).
 */
export function onBlog(draft: EditorDraft, account: Account | undefined): boolean {
  if (draft.kind !== 'post' || account?.kind !== 'blog') return false
  if (draft.base?.post && draft.accountId === account.id) return true
  const last = draft.published.filter((p) => p.accountId === account.id && p.msgnum !== undefined).at(-1)
  return last !== undefined && last.members?.deleted !== true
}

/**
 * Takes the post off the blog (blogger.deletePost, through the queue); the draft stays, and
 * publishing it again makes a new post. Asks once before queuing: on WordPress the post goes to
 * the trash, elsewhere it may be gone for good.
 */
export function DeleteFromBlog({ api, draft, account }: Props) {
  const [asking, setAsking] = useState(false)
  const [said, setSaid] = useState<string | null>(null)
  if (!draft.id || !account || !onBlog(draft, account))
    return said ? (
      <p className="muted" role="status">
        {said}
      </p>
    ) : null

  const remove = async () => {
    setAsking(false)
    const r = await api.invoke('blog.deletePost', { draftId: draft.id!, accountId: account.id })
    setSaid(r.ok ? `Queued: ${r.value.label}.` : errorText(r.error, 'Not deleted'))
  }

  return (
    <p className="base-note muted">
      {asking ? (
        <>
          Delete this post from “{account.name}”? Your draft stays.{' '}
          <button type="button" className="button small danger" onClick={() => void remove()}>
            Delete from the blog
          </button>{' '}
          <button type="button" className="button small" onClick={() => setAsking(false)}>
            Keep it
          </button>
        </>
      ) : (
        <button type="button" className="link-button" onClick={() => setAsking(true)}>
          Delete from the blog…
        </button>
      )}
      {said && <span role="status"> {said}</span>}
    </p>
  )
}
