import { parseArgs, type ParseArgsConfig } from 'node:util'

/** parseArgs with our usage-error convention: a bad flag is reported, never a stack trace. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return { ok: true as const, ...parseArgs({ args, options, allowPositionals: true, strict: true }) }
  } catch (e) {
    return { ok: false as const, message: e instanceof Error ? e.message : String(e) }
  }
}

export function portFlag(value: string | undefined, fallback: number): number | undefined {
  if (value === undefined) return fallback
  const n = Number(value)
  return Number.isInteger(n) && n >= 0 && n <= 65535 ? n : undefined
}

/** Resolves when the process is asked to stop (Ctrl+C, kill). */
export const untilSignal = (): Promise<void> =>
  new Promise((resolve) => {
    process.once('SIGINT', () => resolve())
    process.once('SIGTERM', () => resolve())
  })
