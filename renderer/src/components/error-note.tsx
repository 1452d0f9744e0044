import type { AppError } from '../../../shared/errors'
import { errorText } from '../lib/error-text'

/** An error for people: what happened and what to do, never a stack trace. */
export function ErrorNote({ error, context }: { error: AppError | null | undefined; context?: string }) {
  if (!error) return null
  return (
    <p className="inline-error" role="alert">
      {errorText(error, context)}
    </p>
  )
}
