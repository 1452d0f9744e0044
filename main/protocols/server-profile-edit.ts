import { defaultProfile, isServerTimeZone, type ServerProfile } from '../../shared/server-profile'
import { InvalidInputError } from './invalid-input-error'

/**
 * The user's edits to a detected profile, checked field by field: a wrong value here would make
 * every later call fail in a confusing way, so it is refused with the field named.
 */
export function editServerProfile(profile: ServerProfile, patch: Partial<ServerProfile>): ServerProfile {
  const next = { ...profile, ...patch }
  const problem = problemOf(next)
  if (problem) throw new InvalidInputError(problem.message, problem.field)
  return next
}

/** A stored profile (possibly from an older version or hand-edited) with bad or missing fields reset to defaults. */
export function readServerProfile(stored: unknown): ServerProfile {
  const d = defaultProfile()
  if (typeof stored !== 'object' || stored === null) return d
  const s = stored as Record<string, unknown>
  const pick = <K extends keyof ServerProfile>(key: K): ServerProfile[K] => {
    const candidate = { ...d, [key]: s[key] } as ServerProfile
    return s[key] !== undefined && problemOf(candidate)?.field !== key ? candidate[key] : d[key]
  }
  return {
    registerUserArity: pick('registerUserArity'),
    registrationPassword: pick('registrationPassword'),
    uploadMethod: pick('uploadMethod'),
    passwordEncoding: pick('passwordEncoding'),
    timeZone: pick('timeZone'),
    methods: pick('methods'),
    detectedAt: pick('detectedAt'),
  }
}

function problemOf(p: ServerProfile): { field: keyof ServerProfile; message: string } | null {
  if (p.registerUserArity !== 5 && p.registerUserArity !== 6)
    return { field: 'registerUserArity', message: 'registerUser takes 5 or 6 parameters.' }
  if (p.registrationPassword !== 'md5' && p.registrationPassword !== 'clear')
    return { field: 'registrationPassword', message: 'The password at registration is either "md5" or "clear".' }
  if (p.uploadMethod !== 'saveMultipleFiles' && p.uploadMethod !== 'sendMultipleFiles')
    return { field: 'uploadMethod', message: 'The upload method is saveMultipleFiles or sendMultipleFiles.' }
  if (p.passwordEncoding !== 'utf8' && p.passwordEncoding !== 'latin1')
    return { field: 'passwordEncoding', message: 'The password encoding is "utf8" or "latin1".' }
  if (typeof p.timeZone !== 'string' || !isServerTimeZone(p.timeZone))
    return {
      field: 'timeZone',
      message: `"${String(p.timeZone)}" is not a time zone: give an IANA name such as Europe/Paris, UTC, or an offset such as +02:00.`,
    }
  if (p.methods !== null && !(Array.isArray(p.methods) && p.methods.every((m) => typeof m === 'string')))
    return { field: 'methods', message: 'methods is a list of method names, or null when unknown.' }
  if (p.detectedAt !== null && (typeof p.detectedAt !== 'string' || Number.isNaN(Date.parse(p.detectedAt))))
    return { field: 'detectedAt', message: 'detectedAt is an ISO date or null.' }
  return null
}
