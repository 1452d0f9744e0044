import { ProtocolError } from '../../xmlrpc/errors'
import type { XmlRpcValue } from '../../xmlrpc/values'

/**
 * A post id as the server gave it. WordPress's blogger.newPost answers an <int>, its
 * metaWeblog.newPost a <string>, its getPost "123" again; other engines pick one. So an id has two
 * faces: `id`, a string for comparing and storing, and `wire`, sent back exactly as received.
 */
export interface PostId {
  id: string
  wire: string | number
}

export function postIdOf(v: XmlRpcValue | undefined, method: string, url?: string): PostId {
  if (typeof v === 'string' && v.trim() !== '') return { id: v.trim(), wire: v }
  if (typeof v === 'number' && Number.isSafeInteger(v)) return { id: String(v), wire: v }
  if (typeof v === 'bigint') return { id: String(v), wire: String(v) }
  throw new ProtocolError(`${method} gave no usable post id (an int or a non-empty string was expected).`, {}, url)
}

/** What to send for an id the caller holds: the wire form when it has one. */
export const wireOf = (id: PostId | string | number): string | number => (typeof id === 'object' ? id.wire : id)
