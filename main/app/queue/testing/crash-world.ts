import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Account, Draft } from '../../../../shared/model'
import type { Clock } from '../../../queue/clock'
import { scaledClock } from '../../../queue/testing/scaled-clock'
import { emptyWorld, type SoakWorld } from './soak-deps'

/** What a crash-test child needs to run the queue: the server, accounts, passwords and one clock. */
export interface CrashWorld {
  endpoint: string
  accounts: Account[]
  passwords: Record<string, string>
  drafts: Draft[]
  timeoutMs: number
  /** Every process computes the same fast clock from these, so the server's times and the queue's agree. */
  clock: { speed: number; start: number; realStart: number }
}

const file = (dataDir: string) => join(dataDir, 'crash-world.json')

export const writeWorld = (dataDir: string, w: CrashWorld): Promise<void> => writeFile(file(dataDir), JSON.stringify(w))
export const readWorld = async (dataDir: string): Promise<CrashWorld> =>
  JSON.parse(await readFile(file(dataDir), 'utf8')) as CrashWorld

export const worldClock = (w: CrashWorld): Clock => scaledClock(w.clock.speed, w.clock.start, w.clock.realStart)

export function soakWorldOf(w: CrashWorld): SoakWorld {
  const world = emptyWorld()
  for (const a of w.accounts) world.accounts.set(a.id, a)
  for (const [id, pw] of Object.entries(w.passwords)) world.passwords.set(id, pw)
  for (const d of w.drafts) world.drafts.set(d.id, d)
  return world
}
