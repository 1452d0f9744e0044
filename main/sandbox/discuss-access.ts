import { XmlRpcFault } from '../xmlrpc/fault'
import { struct, type XmlRpcStruct, type XmlRpcValue } from '../xmlrpc/values'
import type { SandboxContext } from './context'
import { groupPath, messagePath, replyTitle } from './discuss-paths'
import type { Group, Message } from './discuss-store'
import type { Member } from './members'
import { arity, clip, SandboxFault, str, utcDateTime } from './params'

export const NS = 'mainResponder.discuss'
const COMMON = ['dgname', 'username', 'password']

/** What every discussion method shares: sign-in, finding (one's own) messages, the title rule, the quota. */
export function discussAccess(ctx: SandboxContext) {
  const url = (group: Group, msgnum: string) => ctx.baseUrl() + messagePath(group.name, msgnum)

  function signIn(
    method: string,
    params: XmlRpcValue[],
    rest: string[],
    optional = 0,
  ): { group: Group; member: Member } {
    arity(`${NS}.${method}`, params, [...COMMON, ...rest], optional)
    const dgname = str('dgname', params[0])
    const username = str('username', params[1])
    const password = str('password', params[2])
    const group = ctx.discussions.find(dgname)
    if (!group)
      throw new XmlRpcFault(
        SandboxFault.notFound,
        `There is no discussion group named "${clip(dgname)}" here; there are: ${ctx.discussions.names().join(', ')}.`,
      )
    const member = ctx.members.signIn(username, password)
    if (!member)
      throw new XmlRpcFault(
        SandboxFault.signIn,
        `The username or password is incorrect for "${clip(username)}". Members sign in with their e-mail address and their password (not its MD5).`,
      )
    return { group, member }
  }

  function message(group: Group, v: XmlRpcValue | undefined): Message {
    if (typeof v !== 'string') {
      throw new XmlRpcFault(
        SandboxFault.invalidParams,
        `msgnum must be sent back exactly as received: this server's msgnums are strings such as "000042", not ${typeof v === 'number' ? 'ints' : 'that'}.`,
      )
    }
    const found = group.get(v)
    if (!found) throw new XmlRpcFault(SandboxFault.notFound, `There is no message "${clip(v)}" in ${group.name}.`)
    return found
  }

  function ownMessage(group: Group, member: Member, v: XmlRpcValue | undefined): Message {
    const m = message(group, v)
    if (m.author.toLowerCase() !== member.email.toLowerCase()) {
      throw new XmlRpcFault(
        SandboxFault.forbidden,
        `Message ${m.msgnum} was written by someone else; only its author can edit it.`,
      )
    }
    return m
  }

  /** The title rule, for new messages and saves alike. */
  function titleFor(group: Group, title: string, inResponseTo: string | 0): string {
    if (title.trim() !== '') return title
    if (inResponseTo === 0)
      throw new XmlRpcFault(
        SandboxFault.refused,
        'A new thread needs a title: the title may be empty only in a reply (inResponseTo ≠ 0).',
      )
    return replyTitle(group.get(inResponseTo)?.title ?? '')
  }

  /** The quota counts messages and enclosures too: refused when `more` bytes would pass it. */
  function ensureRoom(member: Member, more: number): void {
    const used = ctx.files.bytesInUse(member.usernum)
    if (more > 0 && used + more > ctx.limits.maxBytesPerUser)
      throw new XmlRpcFault(
        SandboxFault.limit,
        `This would take you to ${used + more} bytes; your quota is ${ctx.limits.maxBytesPerUser} bytes (files, pages, messages and enclosures together).`,
      )
  }

  const touched = (group: Group, ...msgnums: (string | 0)[]) =>
    ctx.changed([
      groupPath(group.name),
      ...msgnums.filter((n): n is string => n !== 0).map((n) => messagePath(group.name, n)),
    ])

  function summary(group: Group, m: Message): XmlRpcStruct {
    return struct({
      msgnum: m.msgnum,
      title: m.title,
      author: m.author,
      inResponseTo: m.inResponseTo,
      url: url(group, m.msgnum),
      whenCreated: utcDateTime(m.whenCreated),
    })
  }

  return { url, signIn, message, ownMessage, titleFor, ensureRoom, touched, summary }
}

export type DiscussAccess = ReturnType<typeof discussAccess>
