import { failWith } from '../core/failure'

/** A msgnum as the server gave it: an integer, or printable ASCII text (protocols.md §2: opaque). */
export const isMsgnum = (v: unknown): v is string | number =>
  (typeof v === 'string' && v.length > 0 && v.length <= 200 && /^[\x20-\x7e]+$/.test(v)) ||
  (typeof v === 'number' && Number.isSafeInteger(v))

export function msgnumInput(v: unknown, field: string): string | number {
  if (!isMsgnum(v))
    return failWith(
      'invalid-input',
      `"${field}" must be a msgnum as the server shows it (a number or printable ASCII text).`,
      { field },
    )
  return v
}
