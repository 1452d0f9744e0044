import { XmlRpcFault } from '../../../xmlrpc/fault'
import { getMember, isStruct } from '../../../xmlrpc/get-member'
import type { CallContext, XmlRpcServer } from '../../../xmlrpc/server'
import { struct, XmlRpcDateTime, type XmlRpcStruct, type XmlRpcValue } from '../../../xmlrpc/values'

export interface StoredMessage {
  msgnum: string
  title: string
  body: string
  author: string
  inResponseTo: string | 0
  whenCreated: Date
}

export interface FakeDiscussion {
  messages: StoredMessage[]
  /** How many times each (author, title, body) was committed by newMessage: >1 is a duplicate. */
  posts: Map<string, number>
  /** webHost.put commits per relativePath. */
  puts: Map<string, number>
  /** Calls per method, answered or not. */
  calls: Map<string, number>
}

export const postKey = (author: string, title: string, body: string): string =>
  JSON.stringify([author.toLowerCase(), title, body])

const utc = (d: Date) =>
  new XmlRpcDateTime(
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  )

/** The methods of the fault server. msgnums are strings with leading zeros, as the sandbox's are. */
export function registerFakeDiscussion(
  rpc: XmlRpcServer,
  o: {
    now: () => Date
    members: { email: string; password: string }[]
    pick: (method: string, req: CallContext['req'], params: XmlRpcValue[]) => void
  },
): FakeDiscussion {
  const state: FakeDiscussion = { messages: [], posts: new Map(), puts: new Map(), calls: new Map() }
  const byNum = new Map<string, StoredMessage>()
  const signIn = (params: XmlRpcValue[], user = params[1], password = params[2]): string => {
    const m = o.members.find((x) => x.email === user && x.password === password)
    if (!m) throw new XmlRpcFault(4, `The username or password is incorrect for "${String(user)}".`)
    return m.email
  }
  const summary = (m: StoredMessage): XmlRpcStruct =>
    struct({
      msgnum: m.msgnum,
      title: m.title,
      author: m.author,
      inResponseTo: m.inResponseTo,
      url: `http://dg.test/${m.msgnum}`,
      whenCreated: utc(m.whenCreated),
    })
  const find = (v: XmlRpcValue | undefined): StoredMessage => {
    const m = typeof v === 'string' ? byNum.get(v) : undefined
    if (!m) throw new XmlRpcFault(7, `There is no message ${JSON.stringify(v)}.`)
    return m
  }
  const method = (name: string, fn: (params: XmlRpcValue[]) => XmlRpcValue) =>
    rpc.register(name, (params, ctx) => {
      state.calls.set(name, (state.calls.get(name) ?? 0) + 1)
      const answer = fn(params) // committed before any fault is picked
      o.pick(name, ctx.req, params)
      return answer
    })

  const NS = 'mainResponder.discuss.'
  method(NS + 'newMessage', (p) => {
    const author = signIn(p)
    const [title, body, parent] = [String(p[3]), String(p[4]), p[5]]
    const inResponseTo = parent === 0 ? 0 : find(parent).msgnum
    const m: StoredMessage = {
      msgnum: String(state.messages.length + 1).padStart(6, '0'),
      title,
      body,
      author,
      inResponseTo,
      whenCreated: o.now(),
    }
    state.messages.push(m)
    byNum.set(m.msgnum, m)
    const key = postKey(author, title, body)
    state.posts.set(key, (state.posts.get(key) ?? 0) + 1)
    return struct({ msgnum: m.msgnum, url: `http://dg.test/${m.msgnum}`, title })
  })
  method(NS + 'saveMessage', (p) => {
    signIn(p)
    const m = find(p[3])
    m.body = String(p[4])
    m.title = String(p[5])
    return struct({ url: `http://dg.test/${m.msgnum}`, title: m.title, lastsave: utc(o.now()) })
  })
  method(NS + 'getTopics', (p) => {
    signIn(p)
    return state.messages.slice().reverse().slice(0, Number(p[3])).map(summary)
  })
  method(NS + 'getMessage', (p) => {
    signIn(p)
    const m = find(p[3])
    return struct({ ...summary(m), body: m.body })
  })
  method('webHost.put', (p) => {
    const t = isStruct(p[0]) ? p[0] : struct()
    signIn([], getMember(t, 'username'), getMember(t, 'password'))
    const path = String(getMember(t, 'relativePath'))
    state.puts.set(path, (state.puts.get(path) ?? 0) + 1)
    return struct({ url: `http://pages.test/${path}` })
  })
  return state
}
