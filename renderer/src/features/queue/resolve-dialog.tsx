import { useId, useState } from 'react'
import type { Input } from '../../../../shared/api'
import type { Job } from '../../../../shared/model'
import { ModalDialog } from '../../components/modal-dialog'

interface Props {
  job: Job
  busy: boolean
  onResolve: (input: Input<'queue.resolve'>) => void
  onClose: () => void
}

/**
 * A post whose answer was lost: only a look at the group tells whether it went out. Saying "it was
 * posted" records its msgnum (so later edits save that message); "it wasn't" sends it again.
 */
export function ResolveDialog({ job, busy, onResolve, onClose }: Props) {
  const candidates = job.uncertain?.candidates ?? []
  const [answer, setAnswer] = useState<'was-posted' | 'not-posted'>(candidates.length > 0 ? 'was-posted' : 'not-posted')
  const [msgnum, setMsgnum] = useState(candidates.length > 0 ? String(candidates[0]) : '')
  const id = useId()
  const exact = (text: string) => candidates.find((c) => String(c) === text) ?? text.trim()

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
            disabled={busy || (answer === 'was-posted' && !msgnum.trim())}
          >
            {answer === 'was-posted' ? 'Mark as posted' : 'Send it again'}
          </button>
        </>
      }
    >
      <form
        id={`${id}-form`}
        onSubmit={(e) => {
          e.preventDefault()
          onResolve(
            answer === 'was-posted' ? { jobId: job.id, answer, msgnum: exact(msgnum) } : { jobId: job.id, answer },
          )
        }}
      >
        <p>
          “{job.message?.title || job.label}” may have reached the server before the connection dropped. Look at the
          group
          {job.result?.url ? '' : ' on the server'}; Upstream will not post it twice unless you say so.
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
            It is on the server
          </label>
          {answer === 'was-posted' && (
            <div className="form-row indent">
              <label htmlFor={`${id}-msgnum`}>Its message number</label>
              {candidates.length > 0 ? (
                <select id={`${id}-msgnum`} value={msgnum} onChange={(e) => setMsgnum(e.target.value)}>
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
            It is not there — send it again
          </label>
        </fieldset>
      </form>
    </ModalDialog>
  )
}
