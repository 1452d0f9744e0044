import { struct } from '../xmlrpc/values'
import { COMMENTS_PATH, WEBLOG_UPDATES_PATH } from './capabilities'
import type { MethodRegistry, SandboxContext } from './context'
import { groupPath } from './discuss'
import { arity } from './params'

/**
 * radioCommunityServer.getInitialResources: named URLs a client links to. commentsPageUrl is the
 * one every server has; Radio appends ?u=USERNUM&p=POSTID to it.
 */
export function registerRadioCommunity(rpc: MethodRegistry, ctx: SandboxContext): void {
  rpc.register(
    'radioCommunityServer.getInitialResources',
    (params) => {
      arity('radioCommunityServer.getInitialResources', params, [])
      const base = ctx.baseUrl()
      return struct({
        commentsPageUrl: base + COMMENTS_PATH,
        discussionGroupUrl: base + groupPath('sandbox'),
        weblogUpdatesUrl: base + WEBLOG_UPDATES_PATH,
      })
    },
    {
      signature: [['struct']],
      help: 'getInitialResources() → {commentsPageUrl, discussionGroupUrl, weblogUpdatesUrl}: pages on this sandbox. commentsPageUrl takes ?u=USERNUM&p=POSTID.',
    },
  )
}
