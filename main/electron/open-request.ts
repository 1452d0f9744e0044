import { isAbsolute, resolve } from 'node:path'
import { safeExternalUrl } from './external-links'

/** Files and URLs the user asked the app to open (command line, second launch, macOS open-file). */
export interface OpenRequest {
  files: string[]
  urls: string[]
}

/**
 * Picks documents out of a command line: argv[0] is the executable and, unpackaged
 * (`electron <app>`), the first non-switch argument is the app itself. Switches (Chromium and
 * Playwright add their own, before the app path too) and the value of `--data` are not documents;
 * relative paths are resolved against the launching shell's folder. Only http(s) URLs are kept:
 * nothing the app could be tricked into launching.
 */
export function openRequestFrom(argv: readonly string[], cwd: string, packaged: boolean): OpenRequest {
  const request: OpenRequest = { files: [], urls: [] }
  let appPathPending = !packaged
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--data') i++
    if (arg.startsWith('-')) continue
    if (appPathPending) {
      appPathPending = false
      continue
    }
    // Scheme-like (two letters or more before ':', so not a Windows drive): a URL, or nothing.
    if (/^[a-z][a-z0-9+.-]+:/i.test(arg)) {
      const url = safeExternalUrl(arg)
      if (url) request.urls.push(url)
    } else {
      request.files.push(isAbsolute(arg) ? arg : resolve(cwd, arg))
    }
  }
  return request
}

export const isEmpty = (r: OpenRequest): boolean => r.files.length === 0 && r.urls.length === 0

/** The first instance reads the second's argv from additionalData: Chromium may rewrite argv. */
export function handedOver(additionalData: unknown, argv: string[], cwd: string): { argv: string[]; cwd: string } {
  const data = additionalData as { argv?: unknown; cwd?: unknown } | null | undefined
  const ok = Array.isArray(data?.argv) && data.argv.every((a) => typeof a === 'string') && typeof data?.cwd === 'string'
  return ok ? { argv: data!.argv as string[], cwd: data!.cwd as string } : { argv, cwd }
}
