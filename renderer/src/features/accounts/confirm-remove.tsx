import { useState } from 'react'
import type { Account } from '../../../../shared/model'
import { ModalDialog } from '../../components/modal-dialog'

interface Props {
  account: Account
  /** Resolves with an error sentence, or null once removed. */
  onRemove: () => Promise<string | null>
  onClose: () => void
}

export function ConfirmRemove({ account, onRemove, onClose }: Props) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  return (
    <ModalDialog
      title={`Remove “${account.name}”?`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Keep it
          </button>
          <button
            type="button"
            className="button danger"
            disabled={busy}
            onClick={async () => {
              setBusy(true)
              const problem = await onRemove()
              setBusy(false)
              if (problem) setError(problem)
              else onClose()
            }}
          >
            Remove account
          </button>
        </>
      }
    >
      <p>Its stored password is deleted. Drafts written for it stay, and nothing on the server changes.</p>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </ModalDialog>
  )
}
