import { createHash, randomBytes, randomInt } from 'node:crypto'
import { openDraftStore } from '../drafts'

/** The fingerprint the child prints and the parent checks: the whole text of a draft. */
export const contentHash = (title: string, body: string): string =>
  createHash('sha256').update(`${title}\n${body}`).digest('hex').slice(0, 16)

/** Each body names its own hash in the title, so any version on disk, confirmed or not, can be checked whole. */
export const bodyHash = (body: string): string => createHash('sha256').update(body).digest('hex').slice(0, 16)

export const crashDraftId = (n: number): string => `crash-${n}`

/**
 * The process the crashtest kills: saves `drafts` drafts round-robin, forever, through the real
 * DraftStore on the real disk, and prints "<id> <revision> <hash>" only after each save resolved,
 * so every printed line is a version the user would have been told was saved.
 */
export async function runCrashChild(dataDir: string, drafts = 3): Promise<never> {
  const store = openDraftStore(dataDir)
  process.stdout.write('ready\n')
  for (let n = 0; ; n++) {
    // 1–64 KB, so a kill often lands inside a write, not only between saves.
    const body = randomBytes(randomInt(512, 32_768)).toString('hex')
    const title = bodyHash(body)
    const saved = await store.save({ id: crashDraftId(n % drafts), kind: 'post', format: 'text', title, body })
    // A pipe write on Linux is synchronous: once this returns the parent will see the line.
    process.stdout.write(`${saved.id} ${saved.revision} ${contentHash(saved.title, saved.body)}\n`)
  }
}
