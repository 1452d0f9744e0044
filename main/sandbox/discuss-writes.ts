import { XmlRpcFault } from '../xmlrpc/fault'
import { struct } from '../xmlrpc/values'
import type { MethodRegistry, SandboxContext } from './context'
import { NS, type DiscussAccess } from './discuss-access'
import { enclosurePath } from './discuss-paths'
import { messageBytes } from './discuss-store'
import { bytes, clip, describe, SandboxFault, str, utcDateTime } from './params'

/** newMessage, saveMessage, attachEnclosure: what changes a group. */
export function registerDiscussWrites(rpc: MethodRegistry, ctx: SandboxContext, a: DiscussAccess): void {
  rpc.register(
    `${NS}.newMessage`,
    async (params) => {
      const { group, member } = a.signIn('newMessage', params, ['title', 'body', 'inResponseTo'])
      const title = str('title', params[3])
      const body = str('body', params[4])
      const parentParam = params[5]
      let inResponseTo: string | 0
      if (parentParam === 0) inResponseTo = 0
      else if (typeof parentParam === 'string') inResponseTo = a.message(group, parentParam).msgnum
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
      const fullTitle = a.titleFor(group, title, inResponseTo)
      a.ensureRoom(member, messageBytes({ title: fullTitle, body, enclosures: [] }))
      const m = await group.post({
        title: fullTitle,
        body,
        author: member.email,
        authorName: member.name,
        inResponseTo,
      })
      a.touched(group, m.msgnum, inResponseTo)
      return struct({ msgnum: m.msgnum, url: a.url(group, m.msgnum), title: m.title })
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
    `${NS}.saveMessage`,
    async (params) => {
      const { group, member } = a.signIn('saveMessage', params, ['msgnum', 'body', 'title'])
      const m = a.ownMessage(group, member, params[3])
      const body = str('body', params[4])
      const title = a.titleFor(group, str('title', params[5]), m.inResponseTo)
      a.ensureRoom(
        member,
        Buffer.byteLength(title) + Buffer.byteLength(body) - Buffer.byteLength(m.title) - Buffer.byteLength(m.body),
      )
      await group.save(m, body, title)
      a.touched(group, m.msgnum, m.inResponseTo)
      return struct({ url: a.url(group, m.msgnum), title: m.title, lastsave: utcDateTime(m.whenLastSaved) })
    },
    {
      signature: [['struct', 'string', 'string', 'string', 'string', 'string', 'string']],
      help: 'saveMessage(dgname, username, password, msgnum, body, title) — body before title — → {url, title, lastsave} (dateTime, UTC).',
    },
  )

  rpc.register(
    `${NS}.attachEnclosure`,
    async (params) => {
      const { group, member } = a.signIn('attachEnclosure', params, [
        'msgnum',
        'enclosureType',
        'enclosureBits',
        'enclosureAddress',
      ])
      const m = a.ownMessage(group, member, params[3])
      const type = str('enclosureType', params[4])
      if (!/^[\w.+-]+\/[\w.+-]+( *;[ -~]*)?$/.test(type))
        throw new XmlRpcFault(
          SandboxFault.invalidParams,
          `enclosureType must be a MIME type such as "image/png", not "${clip(type)}".`,
        )
      const bits = bytes('enclosureBits', params[5])
      const address = str('enclosureAddress', params[6])
      if (bits.length > ctx.limits.maxFileSize)
        throw new XmlRpcFault(
          SandboxFault.limit,
          `The enclosure is ${bits.length} bytes; this server accepts at most ${ctx.limits.maxFileSize}.`,
        )
      a.ensureRoom(member, bits.length)
      const e = await group.attach(m, bits, type, address)
      a.touched(group, m.msgnum)
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
}
