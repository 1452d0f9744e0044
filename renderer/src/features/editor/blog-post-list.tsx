import { useEffect, useId, useState } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { BlogPostSummary, Draft } from '../../../../shared/model'
import { ErrorNote } from '../../components/error-note'
import { formatWhen } from '../../lib/format'

interface Props {
  api: UpstreamApi
  accountId: string
  onOpened: (draft: Draft) => void
}

type Posts = { state: 'loading' } | { state: 'ready'; posts: BlogPostSummary[] } | { state: 'failed'; error: AppError }

const statusWords: Record<string, string> = {
  draft: 'server draft',
  future: 'scheduled',
  pending: 'pending review',
  private: 'private',
}

/**
 * A blog's newest posts (metaWeblog.getRecentPosts); one picked becomes a local draft that keeps
 * the blog's copy as its base, or, when already open, its draft comes back.
 */
export function BlogPostList({ api, accountId, onOpened }: Props) {
  const id = useId()
  const [posts, setPosts] = useState<Posts>({ state: 'loading' })
  const [opening, setOpening] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  useEffect(() => {
    let live = true
    setPosts({ state: 'loading' })
    void api.invoke('blog.recentPosts', { accountId, count: 30 }).then((r) => {
      if (live) setPosts(r.ok ? { state: 'ready', posts: r.value } : { state: 'failed', error: r.error })
    })
    return () => void (live = false)
  }, [api, accountId])

  const open = async (p: BlogPostSummary) => {
    setOpening(true)
    setError(null)
    const r = await api.invoke('blog.openPost', { accountId, postid: p.wireId })
    setOpening(false)
    if (r.ok) onOpened(r.value)
    else setError(r.error)
  }

  return (
    <section className="topics" aria-labelledby={`${id}-posts`}>
      <p className="muted">
        The post becomes a local draft you can edit offline. Publishing saves it back, or shows both versions if it
        changed on the blog meanwhile.
      </p>
      <h3 id={`${id}-posts`}>Recent posts</h3>
      <ErrorNote error={error} context="Couldn’t open that post" />
      {posts.state === 'loading' && <p className="muted">Asking the blog…</p>}
      <ErrorNote error={posts.state === 'failed' ? posts.error : null} context="The posts couldn’t be listed" />
      {posts.state === 'ready' && posts.posts.length === 0 && <p className="muted">No posts on this blog yet.</p>}
      {posts.state === 'ready' && posts.posts.length > 0 && (
        <ul className="topic-items">
          {posts.posts.map((p) => (
            <li key={p.id}>
              <button type="button" className="topic-item" disabled={opening} onClick={() => void open(p)}>
                <span className="topic-title">{p.title || '(no title)'}</span>
                <span className="muted">
                  {[
                    p.dateCreated && formatWhen(p.dateCreated),
                    p.status && statusWords[p.status],
                    p.draftId && 'open as a draft',
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
  )
}
