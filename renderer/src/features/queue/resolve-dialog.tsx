import { useId, useState } from 'react'
import type { Input } from '../../../../shared/api'
import type { CandidateDetail, Job } from '../../../../shared/model'
import { formatWhen } from '../../lib/format'
import { ModalDialog } from '../../components/modal-dialog'

interface Props {
  job: Job
  busy: boolean
  onResolve: (input: Input<'queue.resolve'>) => void
  onClose: () => void
}

/**
 * A post whose answer was lost: only a look at the group or blog tells whether it went out. Saying
 * "it was posted" records its id (so later edits save that one); "it wasn't" sends it again. Nothing
 * is pre-selected — sending again could make a duplicate — and look-alikes found on the server are
 * offered with their title, date and first words, not as bare ids.
 */
export function ResolveDialog({ job, busy, onResolve, onClose }: Props) {
  const candidates = job.uncertain?.candidates ?? []
  const details = job.uncertain?.candidateDetails
  const [answer, setAnswer] = useState<'was-posted' | 'not-posted' | null>(null)
  const [msgnum, setMsgnum] = useState('')
  const id = useId()
  const exact = (text: string) => candidates.find((c) => String(c) === text) ?? text.trim()
  const blog = job.action.startsWith('blog.')
  const where = blog ? 'blog' : 'group'
  const idLabel = blog ? 'Its post id' : 'Its message number'

  return (
    <ModalDialog
      title="Was it posted?"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form={`${id}-form`}
            className="button primary"
            disabled={busy || answer === null || (answer === 'was-posted' && !msgnum.trim())}
          >
            {answer === 'not-posted' ? 'Send it again' : 'Mark as posted'}
          </button>
        </>
      }
    >
      <form
        id={`${id}-form`}
        onSubmit={(e) => {
          e.preventDefault()
          if (answer === null) return
          onResolve(
            answer === 'was-posted' ? { jobId: job.id, answer, msgnum: exact(msgnum) } : { jobId: job.id, answer },
          )
        }}
      >
        <p>
          “{job.message?.title || job.post?.title || job.label}” may have reached the server before the connection
          dropped. Look at the {where} on the server; Upstream will not post it twice unless you say so.
        </p>
        <fieldset className="choices">
          <legend className="visually-hidden">What you found</legend>
          <label>
            <input
              type="radio"
              name={`${id}-answer`}
              checked={answer === 'was-posted'}
              onChange={() => setAnswer('was-posted')}
            />
            It is on the {blog ? 'blog' : 'server'}
          </label>
          {answer === 'was-posted' && (
            <div className="form-row indent">
              <label htmlFor={`${id}-msgnum`}>{idLabel}</label>
              {details && details.length > 0 ? (
                <CandidateList name={`${id}-msgnum`} details={details} value={msgnum} onChange={setMsgnum} />
              ) : candidates.length > 0 ? (
                <select id={`${id}-msgnum`} value={msgnum} onChange={(e) => setMsgnum(e.target.value)}>
                  <option value="">Choose…</option>
                  {candidates.map((c) => (
                    <option key={String(c)} value={String(c)}>
                      {String(c)}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={`${id}-msgnum`}
                  value={msgnum}
                  placeholder="e.g. 000042"
                  spellCheck={false}
                  onChange={(e) => setMsgnum(e.target.value)}
                />
              )}
            </div>
          )}
          <label>
            <input
              type="radio"
              name={`${id}-answer`}
              checked={answer === 'not-posted'}
              onChange={() => setAnswer('not-posted')}
            />
            It is not there — send it again (only if you looked: a second copy could appear)
          </label>
        </fieldset>
      </form>
    </ModalDialog>
  )
}

/** The look-alikes as radio choices a person can recognise. */
function CandidateList({
  name,
  details,
  value,
  onChange,
}: {
  name: string
  details: CandidateDetail[]
  value: string
  onChange: (v: string) => void
}) {
  return (
    <ul id={name} className="candidate-list" aria-label="Posts found on the server">
      {details.map((d) => (
        <li key={String(d.id)}>
          <label>
            <input type="radio" name={name} checked={value === String(d.id)} onChange={() => onChange(String(d.id))} />{' '}
            <strong>{d.title || '(untitled)'}</strong>{' '}
            <span className="muted">
              {d.date ? formatWhen(d.date) : 'undated'} · id {String(d.id)}
            </span>
            {d.preview && <span className="candidate-preview muted">{d.preview}</span>}
          </label>
        </li>
      ))}
    </ul>
  )
}
