import type { XmlRpcStruct } from '../xmlrpc/values'
import { callForStruct, type CallOpts } from './call-server'
import { credentials, type CommunityMember } from './community-session'
import { readFlag, readInt, readString, readStringList, readStruct, unknownMembers } from './read-members'

/** Where to send weblogUpdates.ping for this community. */
export interface WeblogUpdatesTarget {
  server?: string
  port?: number
  protocol?: string
  rpcPath?: string
  members: XmlRpcStruct
}

export interface CommunityInfo {
  flCanHostComments?: boolean
  flCanHostTrackback?: boolean
  flCanHostAccessRestrictions?: boolean
  flCanMirrorPosts?: boolean
  flHasSearch?: boolean
  flPublic?: boolean
  name?: string
  discussionGroupUrl?: string
  domainName?: string
  mailListUrl?: string
  urlSearch?: string
  members: XmlRpcStruct
}

/** PyCS's struct, the fullest known; others send only the first six members. All optional. */
export interface ServerCapabilities {
  message: string
  yourUpstreamFolderUrl?: string
  ctBytesInUse?: number
  maxBytesPerUser?: number
  maxFileSize?: number
  /** Without dots, as sent; absent or empty means the server names no restriction. */
  legalFileExtensions?: string[]
  weblogUpdates?: WeblogUpdatesTarget
  community?: CommunityInfo
  urlRankingsByPageReads?: string
  urlReferers?: string
  urlSpamFreeMailto?: string
  urlWeblogUpdates?: string
  webBugUrl?: string
  /** Members this type does not name, kept as received. */
  unknown: XmlRpcStruct
  /** Every member as received. */
  members: XmlRpcStruct
}

const urls = [
  'yourUpstreamFolderUrl',
  'urlRankingsByPageReads',
  'urlReferers',
  'urlSpamFreeMailto',
  'urlWeblogUpdates',
  'webBugUrl',
] as const
const ints = ['ctBytesInUse', 'maxBytesPerUser', 'maxFileSize'] as const
const flags = [
  'flCanHostComments',
  'flCanHostTrackback',
  'flCanHostAccessRestrictions',
  'flCanMirrorPosts',
  'flHasSearch',
  'flPublic',
] as const
const texts = ['name', 'discussionGroupUrl', 'domainName', 'mailListUrl', 'urlSearch'] as const
const known = ['flError', 'message', 'legalFileExtensions', 'weblogUpdates', 'community', ...urls, ...ints]

export async function getServerCapabilities(member: CommunityMember, opts: CallOpts = {}): Promise<ServerCapabilities> {
  const answer = await callForStruct(
    member.client,
    member.profile,
    'xmlStorageSystem.getServerCapabilities',
    credentials(member),
    opts,
  )
  return parseCapabilities(answer)
}

export function parseCapabilities(s: XmlRpcStruct): ServerCapabilities {
  const caps: ServerCapabilities = {
    message: readString(s, 'message') ?? '',
    unknown: unknownMembers(s, known),
    members: s,
  }
  for (const name of urls) assign(caps, name, readString(s, name))
  for (const name of ints) assign(caps, name, readInt(s, name))
  const extensions = readStringList(s, 'legalFileExtensions')
  if (extensions) caps.legalFileExtensions = extensions.map((e) => e.replace(/^\./, '')).filter((e) => e !== '')
  const wu = readStruct(s, 'weblogUpdates')
  if (wu) {
    caps.weblogUpdates = { members: wu }
    for (const name of ['server', 'protocol', 'rpcPath'] as const)
      assign(caps.weblogUpdates, name, readString(wu, name))
    assign(caps.weblogUpdates, 'port', readInt(wu, 'port'))
  }
  const c = readStruct(s, 'community')
  if (c) {
    caps.community = { members: c }
    for (const name of flags) assign(caps.community, name, readFlag(c, name))
    for (const name of texts) assign(caps.community, name, readString(c, name))
  }
  return caps
}

// Absent stays absent (not `undefined` members), so "the server didn't say" is visible.
function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value
}
