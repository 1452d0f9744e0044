import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { JsonState, writeFileAtomic } from './state-file'

export interface Enclosure {
  /** 1, 2, … within its message. */
  n: number
  type: string
  /** enclosureAddress as the client sent it: where it wants the object stored when downloaded. */
  address: string
  size: number
  /** The download's file name, derived from the address. */
  fileName: string
  whenAttached: string
}

export interface Message {
  /** Always a string of digits with leading zeros ("000042"): opaque to clients. */
  msgnum: string
  title: string
  body: string
  /** The author's e-mail address (the username they signed in with). */
  author: string
  authorName: string
  /** The parent's msgnum, or int 0 for a thread's first message. */
  inResponseTo: string | 0
  whenCreated: string
  whenLastSaved: string
  enclosures: Enclosure[]
}

/** Group names: also folder names, so kept to a portable alphabet. */
export const GROUP_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

/** One discussion group: its messages in <dir>/discuss/<name>/messages.json, enclosures beside. */
export class Group {
  private constructor(
    readonly name: string,
    private readonly folder: string,
    private readonly state: JsonState<Message[]>,
    private readonly now: () => Date,
  ) {}

  static async open(root: string, name: string, now: () => Date): Promise<Group> {
    const folder = join(root, name)
    const state = await JsonState.open<Message[]>(join(folder, 'messages.json'), [])
    const group = new Group(name, folder, state, now)
    if (state.value.length === 0) await state.save() // the file is what makes the group exist after a restart
    return group
  }

  /** Every message, newest first. */
  newestFirst(): Message[] {
    return [...this.state.value].reverse()
  }

  get(msgnum: string): Message | undefined {
    return this.state.value.find((m) => m.msgnum === msgnum)
  }

  /** The message an `<int>` names: the seed types inResponseTo as a number, so 1 names "000001". */
  byNumber(n: number): Message | undefined {
    return this.state.value.find((m) => /^\d+$/.test(m.msgnum) && Number(m.msgnum) === n)
  }

  replies(msgnum: string): Message[] {
    return this.state.value.filter((m) => m.inResponseTo === msgnum)
  }

  async post(fields: Pick<Message, 'title' | 'body' | 'author' | 'authorName' | 'inResponseTo'>): Promise<Message> {
    const last = this.state.value.at(-1)
    const when = this.now().toISOString()
    const message: Message = {
      msgnum: String(Number(last?.msgnum ?? 0) + 1).padStart(6, '0'),
      ...fields,
      whenCreated: when,
      whenLastSaved: when,
      enclosures: [],
    }
    this.state.value.push(message)
    await this.state.save()
    return message
  }

  async save(message: Message, body: string, title: string): Promise<void> {
    Object.assign(message, { body, title, whenLastSaved: this.now().toISOString() })
    await this.state.save()
  }

  async attach(message: Message, bytes: Uint8Array, type: string, address: string): Promise<Enclosure> {
    const n = (message.enclosures.at(-1)?.n ?? 0) + 1
    await writeFileAtomic(this.enclosureFile(message.msgnum, n), bytes)
    const enclosure: Enclosure = {
      n,
      type,
      address,
      size: bytes.length,
      fileName: fileNameFor(address, n),
      whenAttached: this.now().toISOString(),
    }
    message.enclosures.push(enclosure)
    await this.state.save()
    return enclosure
  }

  /** What the author's messages here take: titles, bodies and enclosures, in bytes. */
  bytesBy(author: string): number {
    const who = author.toLowerCase()
    let sum = 0
    for (const m of this.state.value) if (m.author.toLowerCase() === who) sum += messageBytes(m)
    return sum
  }

  enclosureFile(msgnum: string, n: number): string {
    return join(this.folder, 'enclosures', `${msgnum}-${n}`)
  }
}

/** A message's share of its author's quota. */
export const messageBytes = (m: Pick<Message, 'title' | 'body' | 'enclosures'>): number =>
  Buffer.byteLength(m.title) + Buffer.byteLength(m.body) + m.enclosures.reduce((n, e) => n + e.size, 0)

/** All groups, found again at start from their folders. Names are matched case-insensitively. */
export class Discussions {
  private constructor(
    private readonly root: string,
    private readonly groups: Map<string, Group>,
    private readonly now: () => Date,
  ) {}

  static async open(dir: string, names: string[], now: () => Date = () => new Date()): Promise<Discussions> {
    const root = join(dir, 'discuss')
    const discussions = new Discussions(root, new Map(), now)
    const existing = await readdir(root, { withFileTypes: true }).catch(() => [])
    for (const e of existing) if (e.isDirectory() && GROUP_NAME.test(e.name)) await discussions.ensure(e.name)
    for (const name of names) await discussions.ensure(name)
    return discussions
  }

  bytesBy(author: string): number {
    let sum = 0
    for (const g of this.groups.values()) sum += g.bytesBy(author)
    return sum
  }

  names(): string[] {
    return [...this.groups.values()].map((g) => g.name).sort()
  }

  find(name: string): Group | undefined {
    return this.groups.get(name.toLowerCase())
  }

  async ensure(name: string): Promise<Group> {
    if (!GROUP_NAME.test(name))
      throw new RangeError(`"${name}" is not a usable group name (letters, digits, ".", "_", "-"; up to 64)`)
    const found = this.find(name)
    if (found) return found
    const group = await Group.open(this.root, name, this.now)
    this.groups.set(name.toLowerCase(), group)
    return group
  }
}

/** The last segment of an address like "images/cat.png" or "system.pictures.cat", made safe for a URL. */
function fileNameFor(address: string, n: number): string {
  const last = address.split(/[/\\:]/).at(-1) ?? ''
  const safe = last
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 100)
  return safe || `enclosure-${n}`
}
