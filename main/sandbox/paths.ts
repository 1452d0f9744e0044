import { XmlRpcFault } from '../xmlrpc/fault'
import { clip } from './params'

/**
 * A relative path inside a member's space: forward slashes, no `..`, not absolute, no drive
 * letters, backslashes or control characters. Refused with a fault that says which rule broke.
 */
export function checkRelativePath(path: unknown): string {
  if (typeof path !== 'string' || path.length === 0)
    throw new XmlRpcFault(5, 'relativePath must be a non-empty string.')
  if (path.length > 1024) throw new XmlRpcFault(5, 'relativePath is longer than 1024 characters.')
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path))
    throw new XmlRpcFault(5, `relativePath "${clip(path)}" must not be absolute.`)
  if (/[\\\0-\x1f]/.test(path))
    throw new XmlRpcFault(5, `relativePath "${clip(path)}" contains a backslash or a control character.`)
  const parts = path.split('/')
  if (parts.some((p) => p === '..' || p === '.' || p === ''))
    throw new XmlRpcFault(5, `relativePath "${clip(path)}" must not contain "..", "." or empty segments.`)
  return path
}

/** URL path for a stored relative path: each segment percent-encoded. */
export const urlPath = (path: string): string => path.split('/').map(encodeURIComponent).join('/')
