import type { Account, AccountInput } from '../../../shared/model'
import { isServerTimeZone } from '../../../shared/server-profile'
import { failWith } from '../core/failure'

/** A blog account's own fields: the site's address, the blog picked (as the server gave it), the server's zone. */
export function blogFieldsOf(input: AccountInput): Pick<Account, 'siteUrl' | 'blogId' | 'timeZone'> {
  const out: Pick<Account, 'siteUrl' | 'blogId' | 'timeZone'> = {}
  if (input.siteUrl !== undefined) out.siteUrl = input.siteUrl.trim()
  // Sent back as received, type included.
  if (input.blogId !== undefined && input.blogId !== '') out.blogId = input.blogId
  if (input.timeZone !== undefined && input.timeZone !== '') {
    const zone = input.timeZone.trim()
    if (!isServerTimeZone(zone))
      return failWith(
        'invalid-input',
        `“${zone}” is not a time zone: give an IANA name such as America/New_York, UTC, or an offset such as -05:00.`,
        { field: 'timeZone' },
      )
    out.timeZone = zone
  }
  return out
}
