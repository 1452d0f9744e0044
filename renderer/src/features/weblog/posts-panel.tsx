import type { AppError } from '../../../../shared/errors'
import type { DraftSummary } from '../../../../shared/model'
import type { WeblogPost } from '../../../../shared/weblog'
import { ErrorNote } from '../../components/error-note'
import { formatWhen } from '../../lib/format'
import { safeHttpUrl } from '../../lib/safe-url'
import { PublishPostForm } from './publish-post-form'
import type { WeblogActions } from './use-weblog-actions'

interface Props {
  posts: WeblogPost[] | null
  drafts: DraftSummary[] | null
  error: AppError | undefined
  actions: WeblogActions
  onOpenDraft: (draftId: string) => void
}

/** The weblog's posts, newest first, and the form that adds one. */
export function PostsPanel({ posts, drafts, error, actions, onOpenDraft }: Props) {
  return (
    <section className="weblog-card" aria-labelledby="weblog-posts-title">
      <div className="weblog-card-top">
        <h2 id="weblog-posts-title">Posts</h2>
      </div>
      <PublishPostForm drafts={drafts} actions={actions} />
      <ErrorNote error={error} context="The posts couldn’t be listed" />
      <ErrorNote error={actions.errorFor('remove')} context="The post wasn’t removed" />
      {posts?.length === 0 && (
        <p className="empty-note">No posts yet. Write one with New post, then publish it here.</p>
      )}
      <ul className="weblog-posts" aria-label="Posts">
        {posts?.map((p) => (
          <PostItem
            key={p.id}
            post={p}
            busy={actions.busy !== null}
            onOpenDraft={onOpenDraft}
            onRemove={() => void actions.remove(p.id)}
          />
        ))}
      </ul>
    </section>
  )
}

function PostItem({
  post,
  busy,
  onOpenDraft,
  onRemove,
}: {
  post: WeblogPost
  busy: boolean
  onOpenDraft: (id: string) => void
  onRemove: () => void
}) {
  const url = safeHttpUrl(post.url)
  const title = post.title.trim() || 'Untitled post'
  return (
    <li className="weblog-post" aria-label={title}>
      <div className="weblog-post-text">
        <h3>
          {url ? (
            <a href={url} target="_blank" rel="noopener noreferrer">
              {title}
            </a>
          ) : (
            title
          )}
        </h3>
        <p className="muted">
          {formatWhen(post.date)} · <code>{post.path}</code>
          {url ? '' : ' · not upstreamed yet'}
          {post.categories.length > 0 && <> · {post.categories.join(', ')}</>}
        </p>
      </div>
      {post.draftId && (
        <button
          type="button"
          className="button small"
          aria-label={`Edit “${title}” in Write`}
          onClick={() => onOpenDraft(post.draftId!)}
        >
          Edit
        </button>
      )}
      <button
        type="button"
        className="button small danger"
        aria-label={`Remove “${title}” from the weblog`}
        disabled={busy}
        onClick={onRemove}
      >
        Remove
      </button>
    </li>
  )
}
