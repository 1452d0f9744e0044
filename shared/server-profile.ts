/**
 * What Upstream knows about one server's dialect, stored with the account (`Account.profile`):
 * detected on first contact, then editable by the user, because real servers disagree where the
 * seed texts are silent or wrong (see docs/protocols.md §4).
 */
export type RegisterUserArity = 5 | 6
export type RegistrationPassword = 'md5' | 'clear'
export type UploadMethod = 'saveMultipleFiles' | 'sendMultipleFiles'
export type PasswordEncoding = 'utf8' | 'latin1'

export interface ServerProfile {
  /** xmlStorageSystem.registerUser: PyCS takes exactly 5 params; the spec, dasBlog and Virtuoso 6. */
  registerUserArity: RegisterUserArity
  /** The password at registration: an MD5 digest (spec, PyCS) or clear text (Virtuoso). */
  registrationPassword: RegistrationPassword
  /** The upload method's name: every real server says saveMultipleFiles, the seed sendMultipleFiles. */
  uploadMethod: UploadMethod
  /** The bytes the MD5 digest is computed over: UTF-8 (PyCS), or Latin-1 for servers that hash one byte per char. */
  passwordEncoding: PasswordEncoding
  /**
   * The zone of the server's wall clock in dateTime.iso8601 values, which carry none: an IANA name
   * ("America/Los_Angeles") or a fixed offset ("+02:00"). Default "UTC": no guess is right for an
   * unknown server and nothing on the wire reveals it, so the default is the one that reads the
   * same on every machine and is visibly a choice, rather than the user's own zone, which says
   * nothing about the server.
   */
  timeZone: string
  /** Every method system.listMethods named; null when the server offers no introspection. */
  methods: string[] | null
  /** When detection ran (ISO 8601); null for a profile never detected. */
  detectedAt: string | null
}

export function defaultProfile(): ServerProfile {
  return {
    registerUserArity: 6,
    registrationPassword: 'md5',
    uploadMethod: 'saveMultipleFiles',
    passwordEncoding: 'utf8',
    timeZone: 'UTC',
    methods: null,
    detectedAt: null,
  }
}

const FIXED_OFFSET = /^[+-](\d{2}):?(\d{2})$/

/** An IANA zone name the runtime knows, "UTC"/"Z", or a fixed offset within ±23:59. */
export function isServerTimeZone(zone: string): boolean {
  const fixed = FIXED_OFFSET.exec(zone)
  if (fixed) return Number(fixed[1]) <= 23 && Number(fixed[2]) <= 59
  if (zone === 'Z' || zone === 'UTC') return true
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
