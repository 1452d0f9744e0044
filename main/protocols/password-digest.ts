import { createHash } from 'node:crypto'
import type { PasswordEncoding, ServerProfile } from '../../shared/server-profile'
import { InvalidInputError } from './invalid-input-error'

/**
 * xmlStorageSystem's `password` param is the lowercase hex MD5 of the password, never the password
 * (seed; PyCS compares the digest verbatim, so case matters). UTF-8 bytes by default; Latin-1 for
 * servers that hash one byte per character.
 */
export function passwordDigest(password: string, encoding: PasswordEncoding = 'utf8'): string {
  // Latin-1 would silently keep only the low byte of a wider character: refuse instead.
  if (encoding === 'latin1' && /[^\u0000-\u00ff]/.test(password)) {
    throw new InvalidInputError(
      'The password has characters this server’s password encoding (Latin-1) cannot represent.',
      'password',
    )
  }
  return createHash('md5').update(Buffer.from(password, encoding)).digest('hex')
}

/** The password param of every call after registration. */
export function storagePassword(profile: ServerProfile, password: string): string {
  return passwordDigest(password, profile.passwordEncoding)
}

/** registerUser's password: a digest, or clear text on servers that want it (Virtuoso). */
export function registrationPassword(profile: ServerProfile, password: string): string {
  return profile.registrationPassword === 'clear' ? password : passwordDigest(password, profile.passwordEncoding)
}
