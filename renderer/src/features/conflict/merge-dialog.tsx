import { useId, useMemo, useState } from 'react'
import { ModalDialog } from '../../components/modal-dialog'
import { merge3 } from '../../lib/line-diff'

interface Props {
  base: { title: string; body: string }
  mine: { title: string; body: string }
  theirs: { title: string; body: string }
  busy: boolean
  onCancel: () => void
  onSave: (merged: { title: string; body: string }) => void
}

/** Both sides' changes combined by lines; where they overlap, both are kept between markers to edit. */
export function MergeDialog({ base, mine, theirs, busy, onCancel, onSave }: Props) {
  const initial = useMemo(() => merge3(base.body, mine.body, theirs.body), [base, mine, theirs])
  const initialTitle = mine.title === base.title ? theirs.title : mine.title
  const [title, setTitle] = useState(initialTitle)
  const [body, setBody] = useState(initial.text)
  const id = useId()
  const markers = /^(<<<<<<< mine|=======|>>>>>>> theirs)$/m.test(body)

  return (
    <ModalDialog
      title="Merge the two versions"
      wide
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="button primary" disabled={busy} onClick={() => onSave({ title, body })}>
            Use the merged version
          </button>
        </>
      }
    >
      <p className="muted">
        {initial.conflicts === 0
          ? 'Both sets of changes fit together. Check the result, then use it.'
          : `${initial.conflicts} ${initial.conflicts === 1 ? 'place was' : 'places were'} changed on both sides: each is shown between “<<<<<<< mine” and “>>>>>>> theirs”. Edit them into one.`}
      </p>
      <div className="form-row">
        <label htmlFor={`${id}-title`}>Merged title</label>
        <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-body`}>Merged text</label>
        <textarea
          id={`${id}-body`}
          className="merge-text"
          value={body}
          spellCheck={false}
          onChange={(e) => setBody(e.target.value)}
        />
      </div>
      {markers && (
        <p className="limit-warning">The text still has conflict markers; they would be published as written.</p>
      )}
    </ModalDialog>
  )
}
