import { failWith } from './failure'

/** Input crossed IPC or HTTP: check its shape before trusting it. */
export type Obj = Record<string, unknown>

export function object(input: unknown, what = 'input'): Obj {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return failWith('invalid-input', `${what} must be an object.`)
  return input as Obj
}

export function string(o: Obj, key: string, opts: { optional?: boolean; max?: number } = {}): string {
  const v = o[key]
  if (v === undefined && opts.optional) return undefined as unknown as string
  if (typeof v !== 'string') return failWith('invalid-input', `"${key}" must be a string.`, { field: key })
  if (opts.max !== undefined && v.length > opts.max)
    return failWith('invalid-input', `"${key}" is longer than ${opts.max} characters.`, { field: key })
  return v
}

export function oneOf<T extends string>(o: Obj, key: string, allowed: readonly T[]): T {
  const v = o[key]
  if (typeof v !== 'string' || !allowed.includes(v as T))
    return failWith('invalid-input', `"${key}" must be one of ${allowed.join(', ')}.`, { field: key })
  return v as T
}
