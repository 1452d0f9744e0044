import type { UploadMethod } from '../../shared/server-profile'
import type { XmlRpcStruct } from '../xmlrpc/values'
import { callForStruct, type CallOpts } from './call-server'
import { CommunityError } from './community-error'
import { credentials, learn, type CommunityMember } from './community-session'
import { readFlag, readString, readStringList } from './read-members'
import { offers, UnsupportedError } from './unsupported'

export interface FileToSave {
  /** Forward slashes, inside the member's folder. */
  path: string
  bytes: Uint8Array
}

export interface SavedFile {
  /** The path as sent; the server may have renamed it (PyCS: `my file` → `my@20file`). */
  path: string
  /** Where the file now lives, as the server says; null when it failed or the server gave no list. */
  url: string | null
  ok: boolean
}

export interface SaveResult {
  files: SavedFile[]
  /** The server's words; on partial success, the failures' reasons joined. */
  message: string
  /** Some files were saved and some were not. */
  partial: boolean
  yourUpstreamFolderUrl: string | null
  members: XmlRpcStruct
}

const NS = 'xmlStorageSystem.'
const other = (m: UploadMethod): UploadMethod => (m === 'saveMultipleFiles' ? 'sendMultipleFiles' : 'saveMultipleFiles')

/**
 * Uploads files in one call, as base64 (PyCS fails on non-ASCII strings). The method name is the
 * profile's, falling back once to the other name when the server doesn't know it. Results are per
 * file: urlList holds '' for a file that failed. Throws only when nothing was saved.
 */
export async function saveMultipleFiles(
  member: CommunityMember,
  files: FileToSave[],
  opts: CallOpts = {},
): Promise<SaveResult> {
  let method = member.profile.uploadMethod
  // Introspection can settle the name before anything is sent.
  if (offers(member.profile, NS + method) === false && offers(member.profile, NS + other(method)) === true)
    method = other(method)
  const params = [...credentials(member), files.map((f) => f.path), files.map((f) => f.bytes)]
  let answer: XmlRpcStruct
  try {
    answer = await callForStruct(member.client, member.profile, NS + method, params, { ...opts, allowFlError: true })
  } catch (e) {
    if (!(e instanceof UnsupportedError) || offers(member.profile, NS + other(method)) === false) throw e
    method = other(method)
    answer = await callForStruct(member.client, member.profile, NS + method, params, { ...opts, allowFlError: true })
  }
  if (method !== member.profile.uploadMethod) learn(member, { uploadMethod: method })
  return perFile(NS + method, files, answer)
}

function perFile(method: string, files: FileToSave[], answer: XmlRpcStruct): SaveResult {
  const flError = readFlag(answer, 'flError') === true
  const message = readString(answer, 'message') ?? ''
  const urls = readStringList(answer, 'urlList')
  // No urlList: all or nothing by flError (old servers); the URLs are then unknown.
  const saved: SavedFile[] = files.map((f, i) => {
    const url = urls?.[i] || null
    return { path: f.path, url, ok: urls ? url !== null : !flError }
  })
  const okCount = saved.filter((f) => f.ok).length
  if (flError && okCount === 0) throw CommunityError.fromFlError(method, message, answer)
  return {
    files: saved,
    message,
    partial: okCount > 0 && okCount < saved.length,
    yourUpstreamFolderUrl: readString(answer, 'yourUpstreamFolderUrl') ?? null,
    members: answer,
  }
}
