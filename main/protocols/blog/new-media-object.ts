import { ProtocolError } from '../../xmlrpc/errors'
import { isStruct } from '../../xmlrpc/get-member'
import { struct, type XmlRpcStruct } from '../../xmlrpc/values'
import { readString } from '../read-members'
import { callBlog, type BlogCallOpts } from './call-blog'
import type { BlogLogin } from './blog-login'

export interface MediaFile {
  /** A file name; the server may change it (WordPress adds -1 on a clash): use the returned url. */
  name: string
  /** MIME type, e.g. image/png. */
  type: string
  bits: Uint8Array
  /** Replace a file of the same name instead of adding name-1 (servers without it ignore it). */
  overwrite?: boolean
}

export interface UploadedMedia {
  url: string
  /** WordPress's attachment id, when sent. */
  id: string | null
  members: XmlRpcStruct
}

/** metaWeblog.newMediaObject(blogid, username, password, {name, type, bits}) → {url}. */
export async function newMediaObject(
  login: BlogLogin,
  file: MediaFile,
  opts: BlogCallOpts = {},
): Promise<UploadedMedia> {
  const method = 'metaWeblog.newMediaObject'
  const answer = await callBlog(
    login,
    method,
    [
      login.blogid,
      login.username,
      login.password,
      struct({ name: file.name, type: file.type, bits: file.bits, ...(file.overwrite ? { overwrite: true } : {}) }),
    ],
    opts,
  )
  const url = isStruct(answer) ? readString(answer, 'url') : undefined
  if (!isStruct(answer) || !url) throw new ProtocolError(`${method} answered without a url.`, {}, login.client.url)
  const id = answer.id ?? answer.attachment_id
  return { url, id: typeof id === 'string' || typeof id === 'number' ? String(id) : null, members: answer }
}
