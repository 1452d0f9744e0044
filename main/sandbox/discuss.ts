import { XmlRpcFault } from '../xmlrpc/fault'
import { struct, type XmlRpcStruct, type XmlRpcValue } from '../xmlrpc/values'
import type { MethodRegistry, SandboxContext } from './context'
import { messageBytes, type Enclosure, type Group, type Message } from './discuss-store'
import type { Member } from './members'
import { arity, bytes, describe, int, SandboxFault, str, utcDateTime } from './params'

const NS = 'mainResponder.discuss'
const COMMON = ['dgname', 'username', 'password']

export const messagePath = (group: string, msgnum: string): string =>
  `/discuss/${encodeURIComponent(group)}/${encodeURIComponent(msgnum)}`
export const groupPath = (group: string): string => `/discuss/${encodeURIComponent(group)}/`
export const enclosurePath = (group: string, msgnum: string, e: Enclosure): string =>
  `${messagePath(group, msgnum)}/enclosures/${e.n}/${encodeURIComponent(e.fileName)}`

/** The seed's rule: an empty reply title becomes "Re: " + the parent's, never "Re: Re: …". */
export const replyTitle = (parentTitle: string): string =>
  /^re:/i.test(parentTitle) ? parentTitle : `Re: ${parentTitle}`

/**
 * UserLand discussion groups over XML-RPC (seed: discussion-groups-xmlrpc), plus getTopics and
 * getMessage, whose shapes are ours (docs/sandbox.md). Members sign in with e-mail and clear
 * password. msgnums are strings of digits with leading zeros, so a client that does arithmetic on
 * them, or sends them back as ints, is caught here rather than by a real server.
 */
export function registerDiscuss(rpc: MethodRegistry, ctx: SandboxContext): void {
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
        `There is no discussion group named "${dgname}" here; there are: ${ctx.discussions.names().join(', ')}.`,
      )
    const member = ctx.members.signIn(username, password)
    if (!member)
      throw new XmlRpcFault(
        SandboxFault.signIn,
        `The username or password is incorrect for "${username}". Members sign in with their e-mail address and their password (not its MD5).`,
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
    if (!found) throw new XmlRpcFault(SandboxFault.notFound, `There is no message "${v}" in ${group.name}.`)
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

  rpc.register(
    `${NS}.newMessage`,
    async (params) => {
      const { group, member } = signIn('newMessage', params, ['title', 'body', 'inResponseTo'])
      const title = str('title', params[3])
      const body = str('body', params[4])
      const parentParam = params[5]
      let inResponseTo: string | 0
      if (parentParam === 0) inResponseTo = 0
      else if (typeof parentParam === 'string') inResponseTo = message(group, parentParam).msgnum
      else if (typeof parentParam === 'number' && Number.isSafeInteger(parentParam) && parentParam > 0) {
        // The seed types inResponseTo as a number: an <int> names the all-digit msgnum of that value.
        const parent = group.byNumber(parentParam)
        if (!parent)
          throw new XmlRpcFault(SandboxFault.notFound, `There is no message ${parentParam} in ${group.name}.`)
        inResponseTo = parent.msgnum
      } else {
        throw new XmlRpcFault(
          SandboxFault.invalidParams,
          `inResponseTo must be int 0 for a new thread, or the parent's msgnum: the string as received or, for an all-digit msgnum, its number — not ${describe(parentParam)}.`,
        )
      }
      const fullTitle = titleFor(group, title, inResponseTo)
      ensureRoom(member, messageBytes({ title: fullTitle, body, enclosures: [] }))
      const m = await group.post({
        title: fullTitle,
        body,
        author: member.email,
        authorName: member.name,
        inResponseTo,
      })
      touched(group, m.msgnum, inResponseTo)
      return struct({ msgnum: m.msgnum, url: url(group, m.msgnum), title: m.title })
    },
    {
      signature: [
        ['struct', 'string', 'string', 'string', 'string', 'string', 'int'],
        ['struct', 'string', 'string', 'string', 'string', 'string', 'string'],
      ],
      help: 'newMessage(dgname, username, password, title, body, inResponseTo) → {msgnum, url, title}. inResponseTo is int 0 for a new thread or the parent’s msgnum as received (an all-digit msgnum may also be sent as its int: 1 for "000001"). An empty title in a reply becomes "Re: " + the parent’s title; on a new thread it is a fault.',
    },
  )

  rpc.register(
    `${NS}.editMessage`,
    (params) => {
      const { group, member } = signIn('editMessage', params, ['msgnum'])
      const m = ownMessage(group, member, params[3])
      return struct({ title: m.title, body: m.body, url: url(group, m.msgnum) })
    },
    {
      signature: [['struct', 'string', 'string', 'string', 'string']],
      help: 'editMessage(dgname, username, password, msgnum) → {title, body, url} of one of your own messages, to edit it.',
    },
  )

  rpc.register(
    `${NS}.saveMessage`,
    async (params) => {
      const { group, member } = signIn('saveMessage', params, ['msgnum', 'body', 'title'])
      const m = ownMessage(group, member, params[3])
      const body = str('body', params[4])
      const title = titleFor(group, str('title', params[5]), m.inResponseTo)
      ensureRoom(
        member,
        Buffer.byteLength(title) + Buffer.byteLength(body) - Buffer.byteLength(m.title) - Buffer.byteLength(m.body),
      )
      await group.save(m, body, title)
      touched(group, m.msgnum, m.inResponseTo)
      return struct({ url: url(group, m.msgnum), title: m.title, lastsave: utcDateTime(m.whenLastSaved) })
    },
    {
      signature: [['struct', 'string', 'string', 'string', 'string', 'string', 'string']],
      help: 'saveMessage(dgname, username, password, msgnum, body, title) — body before title — → {url, title, lastsave} (dateTime, UTC).',
    },
  )

  rpc.register(
    `${NS}.attachEnclosure`,
    async (params) => {
      const { group, member } = signIn('attachEnclosure', params, [
        'msgnum',
        'enclosureType',
        'enclosureBits',
        'enclosureAddress',
      ])
      const m = ownMessage(group, member, params[3])
      const type = str('enclosureType', params[4])
      if (!/^[\w.+-]+\/[\w.+-]+( *;[ -~]*)?$/.test(type))
        throw new XmlRpcFault(
          SandboxFault.invalidParams,
          `enclosureType must be a MIME type such as "image/png", not "${type}".`,
        )
      const bits = bytes('enclosureBits', params[5])
      const address = str('enclosureAddress', params[6])
      if (bits.length > ctx.limits.maxFileSize)
        throw new XmlRpcFault(
          SandboxFault.limit,
          `The enclosure is ${bits.length} bytes; this server accepts at most ${ctx.limits.maxFileSize}.`,
        )
      ensureRoom(member, bits.length)
      const e = await group.attach(m, bits, type, address)
      touched(group, m.msgnum)
      return struct({
        url: ctx.baseUrl() + enclosurePath(group.name, m.msgnum, e),
        msgnum: m.msgnum,
        enclosureType: e.type,
        enclosureAddress: e.address,
        size: e.size,
      })
    },
    {
      signature: [['struct', 'string', 'string', 'string', 'string', 'string', 'base64', 'string']],
      help: 'attachEnclosure(dgname, username, password, msgnum, enclosureType, enclosureBits, enclosureAddress) → {url, msgnum, enclosureType, enclosureAddress, size}. The url downloads the bytes with their MIME type.',
    },
  )

  rpc.register(
    `${NS}.getTopics`,
    (params) => {
      const { group } = signIn('getTopics', params, ['count'])
      const count = int('count', params[3])
      if (count < 0) throw new XmlRpcFault(SandboxFault.invalidParams, 'count must not be negative.')
      return group
        .newestFirst()
        .slice(0, count)
        .map((m) => summary(group, m))
    },
    {
      signature: [['array', 'string', 'string', 'string', 'int']],
      help: 'getTopics(dgname, username, password, count) → the newest `count` messages (threads and replies), newest first: array of {msgnum, title, author, inResponseTo, url, whenCreated}.',
    },
  )

  rpc.register(
    `${NS}.getMessage`,
    (params) => {
      const { group } = signIn('getMessage', params, ['msgnum'])
      const m = message(group, params[3])
      const s = summary(group, m)
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
}
