import type { ChildProcess } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { bodyHash, contentHash } from './crash-child'
import { openDraftStore, type DraftStore } from '../drafts'
import { parseTempName } from '../temp-names'

export interface CrashtestOptions {
  kills: number
  dataDir: string
  /** Starts a process running runCrashChild(dataDir) with stdout piped. */
  spawnChild: (dataDir: string) => ChildProcess
  /** SIGKILL this long after the child's store is open and saving starts: 5–60 ms by default. */
  delayMs?: [number, number]
  onRound?: (round: number, report: CrashReport) => void
}

export interface CrashReport {
  kills: number
  corrupt: number
  lostConfirmed: number
  /** Saves the children confirmed, over all rounds. */
  confirmed: number
  /** Rounds where the disk held a newer version than the last confirmed: killed after the rename, before "Saved". */
  newerThanConfirmed: number
  /** Rounds that left a temp file behind: killed in the middle of writing one. */
  killedMidWrite: number
  /** Confirmed texts found again, as the draft or as a kept version. */
  versionsChecked: number
  problems: string[]
}

export const formatReport = (r: CrashReport): string =>
  `kills=${r.kills} corrupt=${r.corrupt} lost-confirmed=${r.lostConfirmed}`

/**
 * Kills a saving child with SIGKILL `kills` times, then checks every draft reads back as the last
 * confirmed version or a newer one, whole: never older, never damaged. The same data directory is
 * kept across rounds, so each round also starts from whatever the previous kill left.
 */
export async function runCrashtest(options: CrashtestOptions): Promise<CrashReport> {
  const [min, max] = options.delayMs ?? [5, 60]
  const confirmed = new Map<string, { revision: number; hash: string }>()
  const report: CrashReport = {
    kills: 0,
    corrupt: 0,
    lostConfirmed: 0,
    confirmed: 0,
    newerThanConfirmed: 0,
    killedMidWrite: 0,
    versionsChecked: 0,
    problems: [],
  }
  const fail = (what: 'corrupt' | 'lostConfirmed', message: string) => {
    report[what] += 1
    report.problems.push(`round ${report.kills}: ${message}`)
  }

  // Every text ever confirmed, per draft: each must stay, as the draft or in its history.
  const everConfirmed = new Map<string, Set<string>>()
  for (let round = 1; round <= options.kills; round++) {
    const thisRound: [string, string][] = []
    for (const line of await killOnce(options.spawnChild(options.dataDir), min + Math.random() * (max - min))) {
      const [id, revision, hash] = line.split(' ')
      confirmed.set(id, { revision: Number(revision), hash })
      report.confirmed += 1
      thisRound.push([id, hash])
      everConfirmed.set(id, (everConfirmed.get(id) ?? new Set()).add(hash))
    }
    report.kills = round
    const dir = join(options.dataDir, 'drafts')
    const names = await readdir(dir).catch(() => [] as string[])
    if (names.some((n) => parseTempName(n)?.kind === 'tmp')) report.killedMidWrite += 1

    const damaged = new Set<string>()
    const store = openDraftStore(options.dataDir, {
      onProblem: (p) => {
        damaged.add(p.id)
        fail('corrupt', `${p.id}: ${p.reason}`)
      },
    })
    await store.list() // reads and checks every draft file, and sweeps the dead child's temp files
    let newer = false
    for (const [id, last] of confirmed) {
      const draft = await store.get(id).catch(() => undefined) // a damaged file is reported via onProblem
      if (damaged.has(id)) continue
      if (!draft) fail('lostConfirmed', `${id}: missing, revision ${last.revision} was confirmed`)
      else if (draft.title !== bodyHash(draft.body))
        fail('corrupt', `${id}: revision ${draft.revision} does not hold its own text`)
      else if (draft.revision < last.revision)
        fail('lostConfirmed', `${id}: revision ${draft.revision} on disk, ${last.revision} was confirmed`)
      else if (draft.revision === last.revision && contentHash(draft.title, draft.body) !== last.hash)
        fail('corrupt', `${id}: revision ${draft.revision} is not the text that was confirmed`)
      else if (draft.revision > last.revision) newer = true
    }
    if (newer) report.newerThanConfirmed += 1
    // This round's confirmed texts each round; at the end all of them (the history is never pruned here).
    const check =
      round === options.kills ? [...everConfirmed].flatMap(([id, s]) => [...s].map((h) => [id, h])) : thisRound
    const kept = new Map<string, Set<string>>()
    for (const [id, hash] of check) {
      if (damaged.has(id)) continue
      const texts = kept.get(id) ?? (await keptTexts(store, id))
      kept.set(id, texts)
      if (!texts.has(hash))
        fail('lostConfirmed', `${id}: confirmed text ${hash} is neither the draft nor in its history`)
      else report.versionsChecked += 1
    }
    const left = (await readdir(dir).catch(() => [] as string[])).filter((n) => parseTempName(n))
    if (left.length > 0) report.problems.push(`round ${round}: temp files not cleaned up: ${left.join(', ')}`)
    options.onRound?.(round, report)
  }
  return report
}

/** The fingerprints of the draft's text and of every version its history keeps. */
async function keptTexts(store: DraftStore, id: string): Promise<Set<string>> {
  const texts = new Set<string>()
  const draft = await store.get(id).catch(() => undefined)
  if (draft) texts.add(contentHash(draft.title, draft.body))
  for (const v of await store.versions(id)) {
    const text = await store.version(id, v.key)
    if (text) texts.add(contentHash(text.title, text.body))
  }
  return texts
}

/** Runs one child until a random moment, SIGKILLs it, and returns the lines it confirmed. */
function killOnce(child: ChildProcess, delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let out = ''
    let timer: NodeJS.Timeout | undefined
    const startup = setTimeout(() => child.kill('SIGKILL'), 15_000)
    child.stdout!.setEncoding('utf8')
    child.stdout!.on('data', (chunk: string) => {
      out += chunk
      if (timer === undefined && out.startsWith('ready\n')) {
        clearTimeout(startup)
        timer = setTimeout(() => child.kill('SIGKILL'), delayMs)
      }
    })
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(startup)
      clearTimeout(timer)
      if (signal !== 'SIGKILL' || timer === undefined)
        return reject(
          new Error(`the crash child ended by itself (code ${code}, signal ${signal}) before it was killed`),
        )
      // Only whole lines count: a line cut short by the kill was never confirmed.
      const lines = out.split('\n').slice(1, -1)
      resolve(lines.filter((l) => /^\S+ \d+ [0-9a-f]{16}$/.test(l)))
    })
  })
}
