import type { Account, AccountKind } from '../../../shared/model'
import { defaultProfile, type ServerProfile } from '../../../shared/server-profile'
import { editServerProfile, readServerProfile } from '../../protocols/server-profile-edit'
import { InvalidInputError } from '../../protocols/invalid-input-error'
import { blogFieldsOf } from './blog-account-input'
import { failWith } from '../core/failure'
import { isMsgnum } from '../discussion/msgnum-input'
import { object, oneOf, string, type Obj } from '../core/validate'

const kinds = ['webhost', 'discussion', 'community', 'blog'] as const

/** The Accounts form, checked: the account's fields, and a password when one was typed. */
export interface CheckedAccount {
  id?: string
  fields: Omit<Account, 'id' | 'builtin' | 'hasPassword'>
  /** Fields the form emptied on purpose ('' or null); absent ones keep their stored value. */
  cleared: ('dgname' | 'usernum' | 'blogId')[]
  password?: string
}

/** An endpoint people can reach: http(s) only (no file:, javascript:, or typos like "htp:"). */
export function endpointUrl(o: Obj): string {
  const raw = string(o, 'url', { max: 2_048 }).trim()
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return failWith(
      'invalid-input',
      `"${raw}" is not a URL. Give the server's XML-RPC address, e.g. http://example.com/RPC2.`,
      { field: 'url' },
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return failWith('invalid-input', `The server URL must start with http:// or https://, not ${url.protocol}//.`, {
      field: 'url',
    })
  if (url.username || url.password)
    return failWith('invalid-input', 'Put the user name and password in their own fields, not in the URL.', {
      field: 'url',
    })
  return url.href
}

function required(o: Obj, key: string, label: string, max: number): string {
  const v = o[key] === undefined || o[key] === null ? '' : string(o, key, { max }).trim()
  return v === '' ? failWith('invalid-input', `${label} is required.`, { field: key }) : v
}

/** The profile the user edited, checked field by field onto the one stored (or the defaults). */
function profileOf(patch: unknown, current: ServerProfile | undefined): ServerProfile | undefined {
  if (patch === undefined || patch === null) return current
  try {
    // Known fields only: whatever else the form sends is not part of a profile.
    return readServerProfile(
      editServerProfile(current ?? defaultProfile(), object(patch, 'The server profile') as Partial<ServerProfile>),
    )
  } catch (e) {
    if (e instanceof InvalidInputError)
      return failWith('invalid-input', e.message, { field: `profile.${e.field ?? ''}` })
    throw e
  }
}

/** `lookup` finds the account being edited (an id that is not there fails as not-found). */
export function checkAccountInput(
  input: unknown,
  lookup: (id: string) => Account,
): CheckedAccount & { current?: Account } {
  const o = object(input, 'The account')
  const current = o.id === undefined ? undefined : lookup(string(o, 'id', { max: 200 }))
  const kind: AccountKind = oneOf(o, 'kind', kinds)
  const fields: CheckedAccount['fields'] = {
    kind,
    name: required(o, 'name', 'A name', 200),
    url: endpointUrl(o),
    username: required(o, 'username', kind === 'community' ? 'The e-mail address' : 'The user name', 320),
  }
  const cleared = (['dgname', 'usernum', 'blogId'] as const).filter((k) => o[k] === '' || o[k] === null)
  if (kind === 'discussion') fields.dgname = required(o, 'dgname', 'The discussion group', 200)
  else if (o.dgname !== undefined && !cleared.includes('dgname')) fields.dgname = string(o, 'dgname', { max: 200 })
  if (o.usernum !== undefined && !cleared.includes('usernum')) {
    // Kept exactly as given, type included: servers compare it as they sent it.
    if (!isMsgnum(o.usernum))
      return failWith('invalid-input', '"usernum" must be the number or text the server gave at registration.', {
        field: 'usernum',
      })
    fields.usernum = o.usernum
  }
  if (kind === 'blog') Object.assign(fields, blogFieldsOf(o))
  const profile = profileOf(o.profile, current?.profile)
  if (profile) fields.profile = profile
  const out: CheckedAccount & { current?: Account } = { fields, cleared }
  if (current) {
    out.id = current.id
    out.current = current
  }
  if (o.password !== undefined && o.password !== '') out.password = string(o, 'password', { max: 1_000 })
  return out
}
