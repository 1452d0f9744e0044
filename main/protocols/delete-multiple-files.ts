import type { XmlRpcStruct } from '../xmlrpc/values'
import { callForStruct, type CallOpts } from './call-server'
import { CommunityError } from './community-error'
import { credentials, type CommunityMember } from './community-session'
import { readFlag, readString, readStringList } from './read-members'

export interface DeletedFile {
  path: string
  ok: boolean
  /** The server's reason for this file; null when it was deleted. */
  error: string | null
}

export interface DeleteResult {
  files: DeletedFile[]
  message: string
  partial: boolean
  members: XmlRpcStruct
}

const METHOD = 'xmlStorageSystem.deleteMultipleFiles'

/** Deletes files; errorList holds one entry per path, '' for success. Throws only when nothing was deleted. */
export async function deleteMultipleFiles(
  member: CommunityMember,
  paths: string[],
  opts: CallOpts = {},
): Promise<DeleteResult> {
  const answer = await callForStruct(member.client, member.profile, METHOD, [...credentials(member), paths], {
    ...opts,
    allowFlError: true,
  })
  const flError = readFlag(answer, 'flError') === true
  const message = readString(answer, 'message') ?? ''
  const errors = readStringList(answer, 'errorList')
  const files: DeletedFile[] = paths.map((path, i) => {
    // Without an errorList, flError speaks for every file.
    const error = errors ? errors[i] || null : flError ? message || 'not deleted' : null
    return { path, ok: error === null, error }
  })
  const okCount = files.filter((f) => f.ok).length
  if (flError && okCount === 0) throw CommunityError.fromFlError(METHOD, message, answer)
  return { files, message, partial: okCount > 0 && okCount < files.length, members: answer }
}
