import type { Account, AccountInput } from '../../../shared/model'
import { defaultProfile, type ServerProfile } from '../../../shared/server-profile'
import { editServerProfile, readServerProfile } from '../../protocols/server-profile-edit'
import { InvalidInputError } from '../../protocols/invalid-input-error'
import { blogFieldsOf } from './blog-account-input'
import { failWith } from '../core/failure'

/** The Accounts form, checked: the account's fields, and a password when one was typed. */
export interface CheckedAccount {
  id?: string
  fields: Omit<Account, 'id' | 'builtin' | 'hasPassword'>
  /** Fields the form emptied on purpose (''); absent ones keep their stored value. */
  cleared: ('dgname' | 'usernum' | 'blogId')[]
  password?: string
}

/** An endpoint people can reach: http(s) only (no file:, javascript:, or typos like "htp:"). */
export function endpointUrl(given: string | undefined): string {
  const raw = (given ?? '').trim()
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

function required(value: string | undefined, key: string, label: string): string {
  const v = (value ?? '').trim()
  return v === '' ? failWith('invalid-input', `${label} is required.`, { field: key }) : v
}

/** The profile the user edited, checked field by field onto the one stored (or the defaults). */
function profileOf(patch: Partial<ServerProfile> | undefined, current: ServerProfile | undefined) {
  if (patch === undefined) return current
  try {
    return readServerProfile(editServerProfile(current ?? defaultProfile(), patch))
  } catch (e) {
    if (e instanceof InvalidInputError)
      return failWith('invalid-input', e.message, { field: `profile.${e.field ?? ''}` })
    throw e
  }
}

/**
 * What the schema cannot say: required fields given as blanks, a URL that is not one, a profile
 * that does not hold together. `lookup` finds the account being edited (an unknown id: not-found).
 */
export function checkAccountInput(
  input: AccountInput,
  lookup: (id: string) => Account,
): CheckedAccount & { current?: Account } {
  const current = input.id === undefined ? undefined : lookup(input.id)
  const { kind } = input
  const fields: CheckedAccount['fields'] = {
    kind,
    name: required(input.name, 'name', 'A name'),
    url: endpointUrl(input.url),
    username: required(input.username, 'username', kind === 'community' ? 'The e-mail address' : 'The user name'),
  }
  const cleared = (['dgname', 'usernum', 'blogId'] as const).filter((k) => input[k] === '')
  if (kind === 'discussion') fields.dgname = required(input.dgname, 'dgname', 'The discussion group')
  else if (input.dgname !== undefined && input.dgname !== '') fields.dgname = input.dgname
  // Kept exactly as given, type included: servers compare it as they sent it.
  if (input.usernum !== undefined && input.usernum !== '') fields.usernum = input.usernum
  if (kind === 'blog') Object.assign(fields, blogFieldsOf(input))
  const profile = profileOf(input.profile, current?.profile)
  if (profile) fields.profile = profile
  const out: CheckedAccount & { current?: Account } = { fields, cleared }
  if (current) {
    out.id = current.id
    out.current = current
  }
  if (input.password !== undefined && input.password !== '') out.password = input.password
  return out
}
