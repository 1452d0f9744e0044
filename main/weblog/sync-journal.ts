import { open, readFile, rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { ensureDir, nodeFs } from '../store/fs-layer'

/** What one server answer confirmed about one file. */
export type JournalEntry =
  { op: 'put'; path: string; hash: string; size: number; url: string | null; at: string } | { op: 'del'; path: string }

/**
 * Results confirmed since the state was last compacted, appended (and fsynced) after each server
 * answer: a sync of 10,000 files records each batch in one small write instead of rewriting the
 * whole state, and a crash mid-sync loses nothing the server confirmed.
 */
export async function appendJournal(file: string, entries: readonly JournalEntry[]): Promise<void> {
  if (entries.length === 0) return
  await ensureDir(nodeFs, dirname(file))
  const handle = await open(file, 'a', 0o644)
  try {
    await handle.writeFile(entries.map((e) => JSON.stringify(e) + '\n').join(''))
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** The entries in order; a torn last line (a crash mid-append) and anything after it are ignored. */
export async function readJournal(file: string): Promise<JournalEntry[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw e
  }
  const entries: JournalEntry[] = []
  for (const line of text.split('\n')) {
    if (line === '') continue
    let e: JournalEntry
    try {
      e = JSON.parse(line) as JournalEntry
    } catch {
      break
    }
    if ((e?.op !== 'put' && e?.op !== 'del') || typeof e.path !== 'string') break
    entries.push(e)
  }
  return entries
}

export async function clearJournal(file: string): Promise<void> {
  await rm(file, { force: true })
}
