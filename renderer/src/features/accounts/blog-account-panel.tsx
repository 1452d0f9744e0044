import { useCallback, useEffect, useId, useState } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { AppError } from '../../../../shared/errors'
import type { Account, BlogInfo } from '../../../../shared/model'
import { ErrorNote } from '../../components/error-note'

interface Props {
  api: UpstreamApi
  account: Account
  /** After the blog picked was saved: the list of accounts reloads. */
  onChanged: () => Promise<void>
}

type Blogs =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; blogs: BlogInfo[] }
  | { state: 'failed'; error: AppError }

/**
 * A blog account's site, and which of the login's blogs posts go to. The list comes from the blog
 * (blogger.getUsersBlogs, which sends the password), so it is asked for only when there is a choice
 * to make: no blog picked yet (discovery found none), or the person asks to change it.
 */
export function BlogAccountPanel({ api, account, onChanged }: Props) {
  const id = useId()
  const [blogs, setBlogs] = useState<Blogs>({ state: 'idle' })
  const [error, setError] = useState<AppError | null>(null)
  const chosen = account.blogId === undefined ? '' : String(account.blogId)

  const load = useCallback(async () => {
    setBlogs({ state: 'loading' })
    const r = await api.invoke('blog.blogs', { accountId: account.id })
    setBlogs(r.ok ? { state: 'ready', blogs: r.value } : { state: 'failed', error: r.error })
  }, [api, account.id])

  useEffect(() => {
    if (account.blogId === undefined && account.hasPassword) void load()
  }, [account.blogId, account.hasPassword, load])

  const pick = async (value: string) => {
    const blog = blogs.state === 'ready' ? blogs.blogs.find((b) => String(b.blogid) === value) : undefined
    if (!blog) return
    setError(null)
    const site = account.siteUrl ?? account.url
    // The blog id goes back exactly as the server gave it, type included.
    const r = await api.invoke('accounts.save', {
      id: account.id,
      kind: 'blog',
      name: account.name,
      url: site,
      siteUrl: site,
      username: account.username,
      blogId: blog.blogid,
    })
    if (!r.ok) return setError(r.error)
    setBlogs({ state: 'idle' })
    await onChanged()
  }

  const name = blogs.state === 'ready' ? blogs.blogs.find((b) => String(b.blogid) === chosen)?.blogName : undefined
  return (
    <div className="blog-account">
      <dl className="facts">
        <dt>Site</dt>
        <dd>{account.siteUrl ? <code>{account.siteUrl}</code> : '—'}</dd>
        <dt>
          <label htmlFor={`${id}-blog`}>Blog</label>
        </dt>
        <dd>
          {blogs.state === 'ready' && blogs.blogs.length > 0 ? (
            <select id={`${id}-blog`} value={chosen} onChange={(e) => void pick(e.target.value)}>
              {chosen === '' && <option value="">Choose the blog to post to</option>}
              {blogs.blogs.map((b) => (
                <option key={String(b.blogid)} value={String(b.blogid)}>
                  {b.blogName || b.url} ({String(b.blogid)})
                </option>
              ))}
            </select>
          ) : (
            <span id={`${id}-blog`}>{chosen === '' ? 'None chosen yet' : (name ?? `Blog ${chosen}`)}</span>
          )}{' '}
          {blogs.state !== 'ready' && (
            <button
              type="button"
              className="link-button"
              disabled={blogs.state === 'loading'}
              onClick={() => void load()}
            >
              {blogs.state === 'loading' ? 'Asking the blog…' : chosen === '' ? 'List my blogs' : 'Change'}
            </button>
          )}
          {blogs.state === 'ready' && blogs.blogs.length === 0 && (
            <span className="muted">This login may not write to any blog here.</span>
          )}
        </dd>
      </dl>
      <ErrorNote error={blogs.state === 'failed' ? blogs.error : error} context="The blogs couldn’t be listed" />
    </div>
  )
}
