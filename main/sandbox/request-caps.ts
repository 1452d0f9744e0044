import type { SandboxLimits } from './limits'

/** Room for the XML around the values: method name, tags, a struct's member names. */
const ENVELOPE = 64 * 1024
/** A discussion message or a blog post's text (a 4 MB post is a book chapter). */
export const MAX_TEXT_BYTES = 4 * 1024 * 1024

// The methods anyone may call without signing in, and the sign-in-only calls: kilobytes each.
const SMALL: Record<string, number> = {
  'weblogUpdates.ping': 16 * 1024,
  'weblogUpdates.extendedPing': 16 * 1024,
  'xmlStorageSystem.registerUser': 16 * 1024,
  'xmlStorageSystem.mailPasswordToUser': 16 * 1024,
  'xmlStorageSystem.getServerCapabilities': 16 * 1024,
  'xmlStorageSystem.getMyDirectory': 16 * 1024,
  'xmlStorageSystem.ping': 16 * 1024,
  'xmlStorageSystem.pleaseNotify': 64 * 1024,
  'xmlStorageSystem.requestNotification': 64 * 1024,
  'xmlStorageSystem.rssPleaseNotify': 64 * 1024,
  'xmlStorageSystem.deleteMultipleFiles': 1024 * 1024,
  'system.listMethods': 16 * 1024,
  'system.methodHelp': 16 * 1024,
  'system.methodSignature': 16 * 1024,
}

// Calls that carry a file's bytes (base64: 4/3 the size, plus line breaks some encoders add).
const FILES = new Set([
  'xmlStorageSystem.saveMultipleFiles',
  'xmlStorageSystem.sendMultipleFiles',
  'webHost.put',
  'mainResponder.discuss.attachEnclosure',
  'metaWeblog.newMediaObject',
  'wp.uploadFile',
  // A multicall may hold any of them; each inner call is still checked against the limits.
  'system.multicall',
])

/**
 * The largest request each method needs, derived from the limits getServerCapabilities
 * advertises: file uploads get one file's base64 (saveMultipleFiles a few files' worth, as it
 * did), everything else what its text needs. A 20 MB ping or a 141 MB message is refused (413)
 * before it is read, so it never sits in memory.
 */
export function requestCaps(limits: SandboxLimits): { max: number; capFor(method: string): number } {
  const oneFile = Math.ceil(limits.maxFileSize * 1.4) + ENVELOPE
  const max = Math.max(64 * 1024 * 1024, Math.ceil(limits.maxFileSize * 1.4) + 1024 * 1024)
  return {
    max,
    capFor(method) {
      if (SMALL[method] !== undefined) return SMALL[method]
      if (method === 'xmlStorageSystem.saveMultipleFiles' || method === 'xmlStorageSystem.sendMultipleFiles') return max
      if (FILES.has(method)) return Math.min(max, oneFile)
      return MAX_TEXT_BYTES + ENVELOPE
    },
  }
}
