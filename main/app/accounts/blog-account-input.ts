import type { Account } from '../../../shared/model'
import { isServerTimeZone } from '../../../shared/server-profile'
import { failWith } from '../core/failure'
import { isMsgnum } from '../discussion/msgnum-input'
import { string, type Obj } from '../core/validate'

/** The blog account's own fields, checked: the site's address, the blog picked, the server's zone. */
export function blogFieldsOf(o: Obj): Pick<Account, 'siteUrl' | 'blogId' | 'timeZone'> {
  const out: Pick<Account, 'siteUrl' | 'blogId' | 'timeZone'> = {}
  if (o.siteUrl !== undefined) out.siteUrl = string(o, 'siteUrl', { max: 2_048 }).trim()
  if (o.blogId !== undefined && o.blogId !== null && o.blogId !== '') {
    // Kept exactly as the server gave it, type included: it is sent back as received.
    if (!isMsgnum(o.blogId))
      return failWith(
        'invalid-input',
        '"blogId" must be the blog id as the server gave it (a number or printable text); pick it from the list of your blogs.',
        { field: 'blogId' },
      )
    out.blogId = o.blogId
  }
  if (o.timeZone !== undefined && o.timeZone !== '') {
    const zone = string(o, 'timeZone', { max: 100 }).trim()
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
