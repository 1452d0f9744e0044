import { struct } from '../xmlrpc/values'
import type { MethodRegistry, SandboxContext } from './context'
import { discussAccess, NS } from './discuss-access'
import { enclosurePath } from './discuss-paths'
import { registerDiscussWrites } from './discuss-writes'
import { int, SandboxFault } from './params'
import { XmlRpcFault } from '../xmlrpc/fault'

export { enclosurePath, groupPath, messagePath, replyTitle } from './discuss-paths'

/**
 * UserLand discussion groups over XML-RPC (seed: discussion-groups-xmlrpc), plus getTopics and
 * getMessage, whose shapes are ours (docs/sandbox.md). Members sign in with e-mail and clear
 * password. msgnums are strings of digits with leading zeros, so a client that does arithmetic on
 * them, or sends them back as ints, is caught here rather than by a real server.
 */
export function registerDiscuss(rpc: MethodRegistry, ctx: SandboxContext): void {
  const a = discussAccess(ctx)
  registerDiscussWrites(rpc, ctx, a)

  rpc.register(
    `${NS}.editMessage`,
    (params) => {
      const { group, member } = a.signIn('editMessage', params, ['msgnum'])
      const m = a.ownMessage(group, member, params[3])
      return struct({ title: m.title, body: m.body, url: a.url(group, m.msgnum) })
    },
    {
      signature: [['struct', 'string', 'string', 'string', 'string']],
      help: 'editMessage(dgname, username, password, msgnum) → {title, body, url} of one of your own messages, to edit it.',
    },
  )

  rpc.register(
    `${NS}.getTopics`,
    (params) => {
      const { group } = a.signIn('getTopics', params, ['count'])
      const count = int('count', params[3])
      if (count < 0) throw new XmlRpcFault(SandboxFault.invalidParams, 'count must not be negative.')
      return group
        .newestFirst()
        .slice(0, count)
        .map((m) => a.summary(group, m))
    },
    {
      signature: [['array', 'string', 'string', 'string', 'int']],
      help: 'getTopics(dgname, username, password, count) → the newest `count` messages (threads and replies), newest first: array of {msgnum, title, author, inResponseTo, url, whenCreated}.',
    },
  )

  rpc.register(
    `${NS}.getMessage`,
    (params) => {
      const { group } = a.signIn('getMessage', params, ['msgnum'])
      const m = a.message(group, params[3])
      const s = a.summary(group, m)
      s.body = m.body
      s.enclosures = m.enclosures.map((e) =>
        struct({
          url: ctx.baseUrl() + enclosurePath(group.name, m.msgnum, e),
          enclosureType: e.type,
          enclosureAddress: e.address,
          size: e.size,
        }),
      )
      return s
    },
    {
      signature: [['struct', 'string', 'string', 'string', 'string']],
      help: 'getMessage(dgname, username, password, msgnum) → {msgnum, title, body, author, inResponseTo, url, whenCreated, enclosures}; enclosures is an array of {url, enclosureType, enclosureAddress, size}.',
    },
  )
}
