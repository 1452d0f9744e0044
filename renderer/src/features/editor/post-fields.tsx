import { useEffect, useId, useState } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { Account, BlogCategories, PostFields as Fields } from '../../../../shared/model'
import { ZoneInput } from './zone-input'

interface Props {
  api: UpstreamApi
  post: Fields
  account: Account | undefined
  onEdit: (post: Fields) => void
}

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'

/** A weblog post's other members: date (with its zone), status, categories, tags, excerpt, slug. */
export function PostFields({ api, post, account, onEdit }: Props) {
  const id = useId()
  // Pending, private, sticky and password are WordPress's (wp.*); other engines would drop them silently.
  const wordpress = account?.profile?.methods?.some((m) => m.startsWith('wp.')) ?? false
  const [known, setKnown] = useState<BlogCategories | null>(null)
  const [categoriesText, setCategoriesText] = useState((post.categories ?? []).join(', '))
  const [tagsText, setTagsText] = useState((post.tags ?? []).join(', '))
  const set = (patch: Partial<Fields>) => onEdit({ ...post, ...patch })

  // Blog servers list their categories (offline: the copy kept on disk); others take any words.
  useEffect(() => {
    setKnown(null)
    if (account?.kind !== 'blog') return
    let live = true
    void api.invoke('blog.categories', { accountId: account.id }).then((r) => live && r.ok && setKnown(r.value))
    return () => void (live = false)
  }, [api, account?.id, account?.kind])

  return (
    <div className="post-fields">
      <div className="field">
        <label htmlFor={`${id}-date`}>Date</label>
        <input
          id={`${id}-date`}
          type="datetime-local"
          value={post.postDate?.wall.slice(0, 16) ?? ''}
          aria-describedby={`${id}-date-hint`}
          onChange={(e) =>
            set({
              postDate: e.target.value ? { wall: e.target.value, zone: post.postDate?.zone ?? localZone() } : undefined,
            })
          }
        />
        {post.postDate && (
          <ZoneInput
            value={post.postDate.zone}
            onChange={(zone) => post.postDate && set({ postDate: { ...post.postDate, zone } })}
          />
        )}
        <span id={`${id}-date-hint`} className="muted">
          {post.postDate ? 'a future date schedules the post' : 'empty: dated when published'}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={post.postStatus ?? 'publish'}
          onChange={(e) => set({ postStatus: e.target.value as Fields['postStatus'] })}
        >
          <option value="publish">
            {post.postDate ? 'Published (scheduled by its date)' : 'Published on the blog'}
          </option>
          <option value="draft">Server draft (not shown)</option>
          {wordpress && <option value="pending">Pending review</option>}
          {wordpress && <option value="private">Private</option>}
        </select>
      </div>
      {wordpress && (
        <>
          <div className="field">
            <label>
              <input
                type="checkbox"
                checked={post.sticky ?? false}
                onChange={(e) => set({ sticky: e.target.checked })}
              />{' '}
              Sticky
            </label>
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>Password</label>
            <input
              id={`${id}-password`}
              value={post.postPassword ?? ''}
              placeholder="none: anyone may read it"
              onChange={(e) => set({ postPassword: e.target.value })}
            />
          </div>
        </>
      )}
      <div className="field grow">
        <label htmlFor={`${id}-cats`}>Categories</label>
        <input
          id={`${id}-cats`}
          list={`${id}-known`}
          value={categoriesText}
          placeholder="comma, separated"
          onChange={(e) => {
            setCategoriesText(e.target.value)
            set({ categories: list(e.target.value) })
          }}
        />
        <datalist id={`${id}-known`}>
          {known?.categories.map((c) => (
            <option key={c.name} value={[...list(categoriesText).slice(0, -1), c.name].join(', ')} label={c.name} />
          ))}
        </datalist>
      </div>
      <details className="post-more">
        <summary>Tags, excerpt, slug</summary>
        <div className="post-more-fields">
          <div className="field">
            <label htmlFor={`${id}-tags`}>Tags</label>
            <input
              id={`${id}-tags`}
              value={tagsText}
              placeholder="comma, separated"
              onChange={(e) => {
                setTagsText(e.target.value)
                set({ tags: list(e.target.value) })
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-slug`}>Slug</label>
            <input
              id={`${id}-slug`}
              value={post.slug ?? ''}
              spellCheck={false}
              onChange={(e) => set({ slug: e.target.value })}
            />
          </div>
          <div className="field grow">
            <label htmlFor={`${id}-excerpt`}>Excerpt</label>
            <input id={`${id}-excerpt`} value={post.excerpt ?? ''} onChange={(e) => set({ excerpt: e.target.value })} />
          </div>
        </div>
      </details>
    </div>
  )
}
