/** What the sandbox accepts, enforced on every upload and advertised by getServerCapabilities. */
export interface SandboxLimits {
  /** Bytes per file (uploads, pages, enclosures). */
  maxFileSize: number
  /** Bytes per member, upstreamed files and web-host pages together. */
  maxBytesPerUser: number
  /** Extensions without dots, compared case-insensitively; saveMultipleFiles refuses the others. */
  legalFileExtensions: string[]
}

// Generous enough for real weblogs and their images, small enough that a runaway client shows.
export const defaultLimits: SandboxLimits = {
  maxFileSize: 40 * 1024 * 1024,
  maxBytesPerUser: 1024 * 1024 * 1024,
  legalFileExtensions: [
    'html',
    'htm',
    'txt',
    'xml',
    'rss',
    'opml',
    'css',
    'js',
    'json',
    'md',
    'gif',
    'jpg',
    'jpeg',
    'png',
    'svg',
    'webp',
    'ico',
    'mp3',
    'mp4',
    'pdf',
    'zip',
  ],
}

export function resolveLimits(partial: Partial<SandboxLimits> = {}): SandboxLimits {
  const limits = { ...defaultLimits, ...partial }
  for (const key of ['maxFileSize', 'maxBytesPerUser'] as const) {
    if (!Number.isSafeInteger(limits[key]) || limits[key] < 0)
      throw new RangeError(`${key} must be a non-negative integer`)
  }
  // Advertised as the PyCS int members: beyond 2^31 they could not be sent as <int>.
  limits.maxFileSize = Math.min(limits.maxFileSize, 2 ** 31 - 1)
  limits.maxBytesPerUser = Math.min(limits.maxBytesPerUser, 2 ** 31 - 1)
  limits.legalFileExtensions = limits.legalFileExtensions.map((e) => e.replace(/^\./, '').toLowerCase())
  return limits
}

/** The extension of a relative path, lowercase, without the dot ('' when there is none). */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}
