import type { ServerProfile } from '../../shared/server-profile'
import type { XmlRpcClient } from '../xmlrpc/client'
import { ProtocolError } from '../xmlrpc/errors'
import { getMember, isStruct } from '../xmlrpc/get-member'
import type { XmlRpcDateTime, XmlRpcStruct, XmlRpcValue } from '../xmlrpc/values'
import { callForStruct, callServer, describe, type CallOpts } from './call-server'
import { InvalidInputError } from './invalid-input-error'
import { readDateTime, readString } from './read-members'
import { ensureListed } from './unsupported'

/**
 * Opaque: an int or a string of any 7-bit ASCII. Never compute with it; send it back exactly as
 * received (type included), also as a reply's inResponseTo.
 */
export type Msgnum = string | number

/** The three params every mainResponder.discuss handler starts with. */
export interface DiscussionLogin {
  client: XmlRpcClient
  dgname: string
  /** UserLand usernames are e-mail addresses. */
  username: string
  /** Clear text: the membership database's password, as a browser would send it. */
  password: string
  /** getMessage/getTopics are called only when its listMethods names them. */
  profile?: ServerProfile
}

export interface NewMessageResult {
  msgnum: Msgnum
  url: string
  title: string
  members: XmlRpcStruct
}
export interface EditMessageResult {
  title: string
  body: string
  url: string
  members: XmlRpcStruct
}
export interface SaveMessageResult {
  url: string
  title: string
  lastsave: XmlRpcDateTime | null
  members: XmlRpcStruct
}
export interface EnclosureResult {
  url: string | null
  members: XmlRpcStruct
}

const NS = 'mainResponder.discuss.'

function call(dg: DiscussionLogin, name: string, rest: XmlRpcValue[], opts: CallOpts): Promise<XmlRpcStruct> {
  return callForStruct(dg.client, dg.profile, NS + name, [dg.dgname, dg.username, dg.password, ...rest], opts)
}

/** Starts a thread (`inResponseTo` int 0) or replies (the parent's msgnum as received). */
export async function newMessage(
  dg: DiscussionLogin,
  title: string,
  body: string,
  inResponseTo: Msgnum,
  opts: CallOpts = {},
): Promise<NewMessageResult> {
  // The server faults on this; refusing here keeps the user's text in the editor with a clear reason.
  if (inResponseTo === 0 && title.trim() === '')
    throw new InvalidInputError('A new thread needs a title (only replies may leave it empty).', 'title')
  checkMsgnum(inResponseTo, 'inResponseTo')
  const s = await call(dg, 'newMessage', [title, body, inResponseTo], opts)
  return {
    msgnum: msgnumOf(s, NS + 'newMessage', dg),
    url: readString(s, 'url') ?? '',
    title: readString(s, 'title') ?? title,
    members: s,
  }
}

export async function editMessage(
  dg: DiscussionLogin,
  msgnum: Msgnum,
  opts: CallOpts = {},
): Promise<EditMessageResult> {
  checkMsgnum(msgnum, 'msgnum')
  const s = await call(dg, 'editMessage', [msgnum], opts)
  return {
    title: readString(s, 'title') ?? '',
    body: readString(s, 'body') ?? '',
    url: readString(s, 'url') ?? '',
    members: s,
  }
}

/** Note the wire order: body before title. */
export async function saveMessage(
  dg: DiscussionLogin,
  msgnum: Msgnum,
  body: string,
  title: string,
  opts: CallOpts = {},
): Promise<SaveMessageResult> {
  checkMsgnum(msgnum, 'msgnum')
  const s = await call(dg, 'saveMessage', [msgnum, body, title], opts)
  return {
    url: readString(s, 'url') ?? '',
    title: readString(s, 'title') ?? title,
    lastsave: readDateTime(s, 'lastsave') ?? null,
    members: s,
  }
}

/** `address`: where the object should be stored when downloaded (a dotted id or any string). */
export async function attachEnclosure(
  dg: DiscussionLogin,
  msgnum: Msgnum,
  type: string,
  bytes: Uint8Array,
  address: string,
  opts: CallOpts = {},
): Promise<EnclosureResult> {
  checkMsgnum(msgnum, 'msgnum')
  const s = await call(dg, 'attachEnclosure', [msgnum, type, bytes, address], opts)
  return { url: readString(s, 'url') ?? null, members: s }
}

export interface Topic {
  msgnum: Msgnum
  title: string
  author: string
  inResponseTo: Msgnum
  url: string
  whenCreated: XmlRpcDateTime | null
  members: XmlRpcStruct
}
export interface Message extends Topic {
  body: string
  enclosures: XmlRpcValue[]
}

/** Frontier's getTopics (shape: the sandbox's, see its README); only when listMethods names it. */
export async function getTopics(dg: DiscussionLogin, count: number, opts: CallOpts = {}): Promise<Topic[]> {
  ensureListed(dg.profile, NS + 'getTopics')
  const answer = await callServer(
    dg.client,
    dg.profile,
    NS + 'getTopics',
    [dg.dgname, dg.username, dg.password, count],
    opts,
  )
  if (!Array.isArray(answer))
    throw new ProtocolError(
      `${NS}getTopics answered with ${describe(answer)} where an array was expected.`,
      {},
      dg.client.url,
    )
  return answer.filter(isStruct).map((s) => topicOf(s, dg))
}

export async function getMessage(dg: DiscussionLogin, msgnum: Msgnum, opts: CallOpts = {}): Promise<Message> {
  ensureListed(dg.profile, NS + 'getMessage')
  checkMsgnum(msgnum, 'msgnum')
  const s = await call(dg, 'getMessage', [msgnum], opts)
  const enclosures = getMember(s, 'enclosures')
  return {
    ...topicOf(s, dg),
    body: readString(s, 'body') ?? '',
    enclosures: Array.isArray(enclosures) ? enclosures : [],
  }
}

function topicOf(s: XmlRpcStruct, dg: DiscussionLogin): Topic {
  const parent = getMember(s, 'inResponseTo')
  return {
    msgnum: msgnumOf(s, 'a message', dg),
    title: readString(s, 'title') ?? '',
    author: readString(s, 'author') ?? '',
    inResponseTo: isMsgnum(parent) ? parent : 0,
    url: readString(s, 'url') ?? '',
    whenCreated: readDateTime(s, 'whenCreated') ?? null,
    members: s,
  }
}

function msgnumOf(s: XmlRpcStruct, what: string, dg: DiscussionLogin): Msgnum {
  const m = getMember(s, 'msgnum')
  if (!isMsgnum(m))
    throw new ProtocolError(`${what} came without a usable msgnum (an int or a string).`, {}, dg.client.url)
  return m
}

const isMsgnum = (v: XmlRpcValue | undefined): v is Msgnum =>
  typeof v === 'string' || (typeof v === 'number' && Number.isSafeInteger(v))

function checkMsgnum(m: Msgnum, field: string): void {
  if (!isMsgnum(m))
    throw new InvalidInputError(`${field} must be a msgnum as the server gave it (an int or a string).`, field)
}
