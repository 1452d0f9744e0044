import { useEffect, useId, useState, type FormEvent } from 'react'
import type { DraftSummary } from '../../../../shared/model'
import { ErrorNote } from '../../components/error-note'
import type { WeblogActions } from './use-weblog-actions'

/** "Apple, pears ,  figs" → ["Apple", "pears", "figs"]: categories as people type them. */
export const categoryList = (text: string): string[] => [
  ...new Set(
    text
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c !== ''),
  ),
]

/** Picks a post draft and its categories; publishing saves it on the weblog and queues a sync. */
export function PublishPostForm({ drafts, actions }: { drafts: DraftSummary[] | null; actions: WeblogActions }) {
  const id = useId()
  const [draftId, setDraftId] = useState('')
  const [categories, setCategories] = useState('')
  // The newest draft is the likeliest one to publish; keep the choice while it still exists.
  useEffect(() => {
    if (drafts && !drafts.some((d) => d.id === draftId)) setDraftId(drafts[0]?.id ?? '')
  }, [drafts, draftId])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (draftId && (await actions.publish(draftId, categoryList(categories)))) setCategories('')
  }

  return (
    <form className="weblog-publish" onSubmit={(e) => void submit(e)} aria-label="Publish a post">
      <div className="form-row">
        <label htmlFor={`${id}-draft`}>Post draft</label>
        <select
          id={`${id}-draft`}
          value={draftId}
          onChange={(e) => setDraftId(e.target.value)}
          disabled={!drafts?.length}
        >
          {!drafts?.length && <option value="">{drafts ? 'No post drafts yet: use New post' : 'Loading…'}</option>}
          {drafts?.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title.trim() || 'Untitled post'}
            </option>
          ))}
        </select>
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-categories`}>Categories</label>
        <input
          id={`${id}-categories`}
          value={categories}
          placeholder="comma-separated, e.g. harbour, boats"
          aria-describedby={`${id}-categories-hint`}
          onChange={(e) => setCategories(e.target.value)}
        />
        <span id={`${id}-categories-hint`} className="hint">
          Left empty, a post published before keeps its categories.
        </span>
      </div>
      <div className="weblog-publish-end">
        <button type="submit" className="button primary" disabled={!draftId || actions.busy !== null}>
          {actions.busy === 'publish' ? 'Publishing…' : 'Publish post'}
        </button>
        <ErrorNote error={actions.errorFor('publish')} context="The post wasn’t published" />
      </div>
    </form>
  )
}
