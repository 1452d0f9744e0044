import type { XmlRpcClient } from '../xmlrpc/client'
import { getMember, isStruct } from '../xmlrpc/get-member'
import { struct, type XmlRpcStruct } from '../xmlrpc/values'
import { ProtocolError } from '../xmlrpc/errors'

export interface PageToPut {
  username: string
  password: string
  bytes: Uint8Array
  mimeType: string
  /** Forward slashes, inside the member's space. */
  relativePath: string
  textToIndex?: string
}

export interface PutResult {
  /** The truth about where the page lives: the server may change the extension. */
  url: string
  /** Every member the server returned. */
  members: XmlRpcStruct
}

/** webHost.put(pageTable) → {url}. The client sends `mimeType` as the spec's prose says. */
export async function webHostPut(
  client: XmlRpcClient,
  page: PageToPut,
  opts: { onUploadProgress?: (sent: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<PutResult> {
  const table = struct({
    username: page.username,
    password: page.password,
    bytes: page.bytes,
    mimeType: page.mimeType,
    relativePath: page.relativePath,
  })
  if (page.textToIndex !== undefined) table.textToIndex = page.textToIndex
  const answer = await client.call('webHost.put', [table], opts)
  const url = isStruct(answer) ? getMember(answer, 'url') : undefined
  if (!isStruct(answer) || typeof url !== 'string') {
    throw new ProtocolError('webHost.put answered without a url string.')
  }
  return { url, members: answer }
}
