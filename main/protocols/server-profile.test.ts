import { describe, expect, it } from 'vitest'
import { defaultProfile, isServerTimeZone } from '../../shared/server-profile'
import { InvalidInputError } from './invalid-input-error'
import { editServerProfile, readServerProfile } from './server-profile-edit'
import { passwordDigest } from './password-digest'

describe('the server profile', () => {
  it('defaults to the spec’s dialect, UTC, and nothing detected', () => {
    expect(defaultProfile()).toEqual({
      registerUserArity: 6,
      registrationPassword: 'md5',
      uploadMethod: 'saveMultipleFiles',
      passwordEncoding: 'utf8',
      timeZone: 'UTC',
      methods: null,
      detectedAt: null,
    })
  })

  it('accepts IANA names and fixed offsets as time zones, nothing else', () => {
    for (const z of ['UTC', 'Z', 'Europe/Paris', 'America/Los_Angeles', '+02:00', '-0800'])
      expect(isServerTimeZone(z)).toBe(true)
    for (const z of ['', 'PST8', 'Mars/Olympus', '+25:00', '2']) expect(isServerTimeZone(z)).toBe(false)
  })

  it('takes the user’s edits, refusing a bad value with the field named', () => {
    const p = editServerProfile(defaultProfile(), { registerUserArity: 5, timeZone: 'Europe/Paris' })
    expect(p).toMatchObject({ registerUserArity: 5, timeZone: 'Europe/Paris' })
    const e = (() => {
      try {
        editServerProfile(p, { timeZone: 'Pacific Time' })
      } catch (x) {
        return x
      }
    })() as InvalidInputError
    expect(e).toBeInstanceOf(InvalidInputError)
    expect(e.field).toBe('timeZone')
    expect(() => editServerProfile(p, { uploadMethod: 'putFiles' as never })).toThrow(
      /saveMultipleFiles or sendMultipleFiles/,
    )
  })

  it('reads a stored profile leniently: bad or missing fields fall back to defaults', () => {
    expect(readServerProfile(undefined)).toEqual(defaultProfile())
    const stored = {
      registerUserArity: 5,
      uploadMethod: 'bogus',
      timeZone: '+01:00',
      methods: ['a', 1],
      detectedAt: '2024-01-01T00:00:00Z',
    }
    expect(readServerProfile(stored)).toEqual({
      ...defaultProfile(),
      registerUserArity: 5,
      timeZone: '+01:00',
      detectedAt: '2024-01-01T00:00:00Z',
    })
  })
})

describe('the password digest', () => {
  it('is lowercase hex MD5 of the UTF-8 bytes by default, of Latin-1 on request', () => {
    expect(passwordDigest('')).toBe('d41d8cd98f00b204e9800998ecf8427e')
    expect(passwordDigest('secret')).toBe('5ebe2294ecd0e0f08eab7690d2a6ee69')
    // ä is two bytes in UTF-8 and one in Latin-1: the digests differ.
    expect(passwordDigest('ä')).toBe('8419b71c87a225a2c70b50486fbee545')
    expect(passwordDigest('ä', 'latin1')).toBe('c15bcc5577f9fade4b4a3256190a59b0')
  })

  it('refuses a password Latin-1 cannot represent, rather than hash a mangled one', () => {
    expect(() => passwordDigest('€uro', 'latin1')).toThrow(InvalidInputError)
  })
})
