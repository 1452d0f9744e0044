import { struct, type XmlRpcStruct } from '../xmlrpc/values'
import type { SandboxContext } from './context'
import { groupPath } from './discuss'
import type { Member } from './members'

export const COMMENTS_PATH = '/comments'
export const WEBLOG_UPDATES_PATH = '/weblogUpdates'

export const upstreamFolderUrl = (ctx: SandboxContext, usernum: string): string => `${ctx.baseUrl()}/users/${usernum}/`

/**
 * getServerCapabilities as PyCS answers it, the fullest of the real servers (docs/protocols.md §4.2).
 * URLs for what the sandbox does not offer (rankings, referers, search, mailing list, web bug) are
 * empty strings, so the struct keeps its shape and a client shows no dead link.
 */
export function capabilitiesFor(ctx: SandboxContext, member: Member): XmlRpcStruct {
  const base = ctx.baseUrl()
  return struct({
    flError: false,
    message: '',
    yourUpstreamFolderUrl: upstreamFolderUrl(ctx, member.usernum),
    ctBytesInUse: ctx.files.bytesInUse(member.usernum),
    maxBytesPerUser: ctx.limits.maxBytesPerUser,
    maxFileSize: ctx.limits.maxFileSize,
    legalFileExtensions: [...ctx.limits.legalFileExtensions],
    weblogUpdates: struct({ server: '127.0.0.1', port: ctx.port(), protocol: 'xml-rpc', rpcPath: '/RPC2' }),
    community: struct({
      flCanHostComments: true,
      flCanHostTrackback: false,
      flCanHostAccessRestrictions: false,
      flCanMirrorPosts: false,
      name: ctx.title,
      discussionGroupUrl: base + groupPath('sandbox'),
      domainName: `127.0.0.1:${ctx.port()}`,
      flHasSearch: false,
      flPublic: false,
      mailListUrl: '',
      urlSearch: '',
    }),
    urlRankingsByPageReads: '',
    urlReferers: '',
    urlSpamFreeMailto: '',
    urlWeblogUpdates: base + WEBLOG_UPDATES_PATH,
    webBugUrl: '',
  })
}
