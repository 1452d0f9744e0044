import { isStruct } from '../xmlrpc/get-member'
import type { XmlRpcDateTime, XmlRpcStruct } from '../xmlrpc/values'
import { callForStruct, type CallOpts } from './call-server'
import { credentials, type CommunityMember } from './community-session'
import { readDateTime, readInt, readString, readStruct } from './read-members'

export interface DirectoryEntry {
  /** The member name the server filed it under (`file00001`…). */
  key: string
  relativePath?: string
  size?: number
  /** Server wall clock; read it with the profile's time zone (./server-time). */
  whenCreated?: XmlRpcDateTime
  whenLastUploaded?: XmlRpcDateTime
  url?: string
  members: XmlRpcStruct
}

export interface MyDirectory {
  entries: DirectoryEntry[]
  message: string
  members: XmlRpcStruct
}

/** xmlStorageSystem.getMyDirectory (RCS only: elsewhere an UnsupportedError). */
export async function getMyDirectory(member: CommunityMember, opts: CallOpts = {}): Promise<MyDirectory> {
  const answer = await callForStruct(
    member.client,
    member.profile,
    'xmlStorageSystem.getMyDirectory',
    credentials(member),
    opts,
  )
  const dir = readStruct(answer, 'directory')
  const entries: DirectoryEntry[] = []
  // Keys sort as the server numbered them: file00001, file00002…
  for (const key of Object.keys(dir ?? {}).sort()) {
    const e = dir![key]
    if (!isStruct(e)) continue
    const entry: DirectoryEntry = { key, members: e }
    const relativePath = readString(e, 'relativePath')
    if (relativePath !== undefined) entry.relativePath = relativePath
    const size = readInt(e, 'size')
    if (size !== undefined) entry.size = size
    const whenCreated = readDateTime(e, 'whenCreated')
    if (whenCreated) entry.whenCreated = whenCreated
    const whenLastUploaded = readDateTime(e, 'whenLastUploaded')
    if (whenLastUploaded) entry.whenLastUploaded = whenLastUploaded
    const url = readString(e, 'url')
    if (url !== undefined) entry.url = url
    entries.push(entry)
  }
  return { entries, message: readString(answer, 'message') ?? '', members: answer }
}
