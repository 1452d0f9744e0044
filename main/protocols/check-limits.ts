import type { ServerCapabilities } from './server-capabilities'

export type LimitName = 'maxFileSize' | 'legalFileExtensions' | 'quota'

export interface LimitViolation {
  path: string
  limit: LimitName
  /** For people: which file, which limit, by how much. */
  message: string
}

export interface FileSize {
  path: string
  size: number
}

type Limits = Pick<ServerCapabilities, 'maxFileSize' | 'legalFileExtensions' | 'maxBytesPerUser' | 'ctBytesInUse'>

/**
 * Checks files against the limits getServerCapabilities advertised, before anything is sent, and
 * says which file breaks which limit. A limit the server didn't state is not checked. Quota is
 * cumulative in the given order, counting only files that pass the other checks (the others won't
 * be sent); replacing a file frees its old bytes, which we can't know, so this errs on the strict side.
 */
export function checkLimits(files: FileSize[], caps: Limits): LimitViolation[] {
  const violations: LimitViolation[] = []
  const legal = caps.legalFileExtensions?.length ? new Set(caps.legalFileExtensions.map((e) => e.toLowerCase())) : null
  let room = caps.maxBytesPerUser !== undefined ? caps.maxBytesPerUser - (caps.ctBytesInUse ?? 0) : Infinity
  for (const f of files) {
    const before = violations.length
    if (caps.maxFileSize !== undefined && f.size > caps.maxFileSize) {
      violations.push({
        path: f.path,
        limit: 'maxFileSize',
        message: `${f.path} is ${f.size} bytes; this server accepts at most ${caps.maxFileSize} per file.`,
      })
    }
    const ext = extensionOf(f.path)
    if (legal && !legal.has(ext)) {
      const list = [...legal].join(', ')
      violations.push({
        path: f.path,
        limit: 'legalFileExtensions',
        message: ext
          ? `${f.path}: this server does not accept .${ext} files (it accepts ${list}).`
          : `${f.path} has no extension; this server accepts only ${list}.`,
      })
    }
    if (violations.length > before) continue
    if (f.size > room) {
      violations.push({
        path: f.path,
        limit: 'quota',
        message: `${f.path} (${f.size} bytes) does not fit in the ${Math.max(room, 0)} bytes left of this account’s quota.`,
      })
    } else {
      room -= f.size
    }
  }
  return violations
}

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}
