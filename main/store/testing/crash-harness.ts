import type { ChildProcess } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { bodyHash, contentHash } from './crash-child'
import { openDraftStore } from '../drafts'
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
    problems: [],
  }
  const fail = (what: 'corrupt' | 'lostConfirmed', message: string) => {
    report[what] += 1
    report.problems.push(`round ${report.kills}: ${message}`)
  }

  for (let round = 1; round <= options.kills; round++) {
    for (const line of await killOnce(options.spawnChild(options.dataDir), min + Math.random() * (max - min))) {
      const [id, revision, hash] = line.split(' ')
      confirmed.set(id, { revision: Number(revision), hash })
      report.confirmed += 1
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
    const left = (await readdir(dir).catch(() => [] as string[])).filter((n) => parseTempName(n))
    if (left.length > 0) report.problems.push(`round ${round}: temp files not cleaned up: ${left.join(', ')}`)
    options.onRound?.(round, report)
  }
  return report
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
