import type { z } from 'zod'
import { appError, type AppError } from '../../../shared/errors'

/**
 * One refusal for a malformed call, whichever face it came through: the field (and, when deeper,
 * its path), and what was expected. The value itself is never repeated: it may be huge, or secret.
 */
export function inputError(channel: string, error: z.ZodError): AppError {
  const issue = error.issues[0]
  const path = pathOf(issue.path)
  const subject = path === '' ? 'The input' : `"${path}"`
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem(s))` : ''
  const details: AppError['details'] = { channel }
  if (issue.path.length > 0) details.field = String(issue.path[0])
  if (issue.path.length > 1) details.path = path
  return appError(
    'invalid-input',
    `Upstream cannot take this ${channel} call: ${subject} ${issue.message}${more}.`,
    details,
  )
}

const pathOf = (path: PropertyKey[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('')

const typeName = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`

const expected: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
}

/**
 * Wording for what the schemas do not say themselves (a schema's own `error` wins): predicates,
 * as input-error puts the field's name in front.
 */
export function issueWording(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const want = expected[issue.expected] ?? issue.expected
      return issue.input === undefined
        ? `is missing: it must be ${want}`
        : `must be ${want}, not ${typeName(issue.input)}`
    }
    case 'too_big':
      if (issue.origin === 'string') return `is longer than ${issue.maximum} characters`
      if (issue.origin === 'array') return `has more than ${issue.maximum} items`
      return `must be at most ${issue.maximum}`
    case 'too_small':
      if (issue.origin === 'string')
        return issue.minimum === 1 ? 'must not be empty' : `is shorter than ${issue.minimum} characters`
      if (issue.origin === 'array') return `needs at least ${issue.minimum} items`
      return `must be at least ${issue.minimum}`
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
    case 'invalid_union': {
      // A discriminated union names the values its discriminator may take.
      const options = (issue as { options?: unknown[] }).options ?? []
      return options.length > 0
        ? `must be one of ${options.map((v) => JSON.stringify(v)).join(', ')}`
        : 'is not any of the accepted shapes'
    }
    case 'invalid_format':
      return 'is not in the expected format'
    default:
      return undefined
  }
}
