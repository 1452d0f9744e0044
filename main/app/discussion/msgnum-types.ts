import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeJsonDurable } from '../../queue/write-json'

/**
 * How each discussion account's server types its msgnums, learned from what it answered
 * (newMessage, getTopics): `<int>` (PyCS-style) or `<string>` (Frontier, the sandbox). A msgnum the
 * writer types as text is sent with that type, so a reply to "1" reaches an int-numbered server as
 * `<int>1</int>` (docs/protocols.md §2). Kept in `msgnum-types.json` in the data directory.
 */
export type MsgnumType = 'int' | 'string'
type Learned = Record<string, MsgnumType>

const fileOf = (dataDir: string) => join(dataDir, 'msgnum-types.json')

async function readLearned(dataDir: string): Promise<Learned> {
  try {
    const v = JSON.parse(await readFile(fileOf(dataDir), 'utf8')) as unknown
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return {}
    return Object.fromEntries(Object.entries(v).filter(([, t]) => t === 'int' || t === 'string')) as Learned
  } catch {
    return {} // missing or unreadable: nothing learned yet, typed text goes out as typed
  }
}

export async function msgnumTypeOf(dataDir: string, accountId: string): Promise<MsgnumType | undefined> {
  return (await readLearned(dataDir))[accountId]
}

/** Notes the type of a msgnum the server gave; writes only when it changes what is known. */
export async function learnMsgnumType(dataDir: string, accountId: string, msgnum: string | number): Promise<void> {
  const type: MsgnumType = typeof msgnum === 'number' ? 'int' : 'string'
  const learned = await readLearned(dataDir)
  if (learned[accountId] === type) return
  await writeJsonDurable(fileOf(dataDir), { ...learned, [accountId]: type })
}

/** A msgnum as the writer typed it, given the type this server uses: all digits → int where it numbers with ints. */
export function typedMsgnum(value: string | number, type: MsgnumType | undefined): string | number {
  if (typeof value !== 'string' || type !== 'int' || !/^\d+$/.test(value)) return value
  const n = Number(value)
  return Number.isSafeInteger(n) ? n : value
}
