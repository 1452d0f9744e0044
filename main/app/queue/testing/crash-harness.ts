import type { ChildProcess } from 'node:child_process'
import type { Account } from '../../../../shared/model'
import { createXmlRpcClient } from '../../../xmlrpc/client'
import { JobStore } from '../../../queue/job-store'
import { writeJsonDurable } from '../../../queue/write-json'
import { checkCrash, type QueueCrashReport } from './crash-check'
import { settleByPerson } from './crash-person'
import { writeWorld, worldClock, type CrashWorld } from './crash-world'
import { randomFaults, seeded } from './fault-plan'
import { startFaultServer } from './fault-server'
import { soakJobs } from './soak-jobs'
import { historyProblems } from './state-audit'

export interface QueueCrashOptions {
  kills: number
  dataDir: string
  /** Jobs another process adds before each round, so every child has a queue to drain. */
  perRound?: number
  /** Starts a process running runQueueChild(dataDir, mode) with stdout piped. */
  spawnChild: (dataDir: string, mode: 'run' | 'drain') => ChildProcess
  /** SIGKILL this long after the child holds the lock and runs: 20–250 ms by default. */
  delayMs?: [number, number]
  faultRate?: number
  seed?: number
  onRound?: (round: number, problems: number) => void
}

/**
 * Kills a child running the queue with SIGKILL `kills` times while another process keeps adding
 * jobs; after each kill every job file must still be there, whole, with a legal history. Then one
 * child drains the queue; jobs only a person could settle are answered from the server's count
 * (as a person would, looking at the group); and the end state is checked against the server.
 */
export async function runQueueCrashtest(o: QueueCrashOptions): Promise<QueueCrashReport> {
  const perRound = o.perRound ?? 8
  const [min, max] = o.delayMs ?? [20, 250]
  const random = seeded(o.seed ?? 7)
  const now = Date.now()
  const w0 = { clock: { speed: 1_000, start: now, realStart: now } }
  const clock = worldClock(w0 as CrashWorld)
  const plan = randomFaults(o.faultRate ?? 0.1, random)
  let faultsOn = false
  const members = Array.from({ length: 4 }, (_, i) => ({ email: `crash${i}@soak.test`, password: `pw-${i}` }))
  const server = await startFaultServer({
    fault: (m, p) => (faultsOn ? plan(m, p) : undefined),
    slowMs: 400,
    now: () => clock.now(),
    members,
  })
  try {
    const accounts: Account[] = members.map((m, i) => ({
      id: `acc-${i}`,
      kind: 'discussion',
      name: `Writer ${i}`,
      url: server.endpoint,
      username: m.email,
      dgname: 'soak',
    }))
    const badLogin: Account = { ...accounts[0], id: 'acc-bad', name: 'Wrong password' }
    const seeds = new Map<string, string>()
    for (const [i, a] of accounts.entries()) {
      const r = (await createXmlRpcClient(server.endpoint).call('mainResponder.discuss.newMessage', [
        'soak',
        a.username,
        members[i].password,
        `seed ${i}`,
        'seed',
        0,
      ])) as { msgnum: string }
      seeds.set(a.id, r.msgnum)
    }
    const planned = soakJobs(o.kills * perRound, o.seed ?? 7, accounts, badLogin, seeds)
    const world: CrashWorld = {
      ...w0,
      endpoint: server.endpoint,
      timeoutMs: 250,
      accounts: [...accounts.flatMap((a) => [a, { ...a, id: `${a.id}-web`, kind: 'webhost' as const }]), badLogin],
      passwords: Object.fromEntries([
        ...accounts.flatMap((a, i) => [
          [a.id, members[i].password],
          [`${a.id}-web`, members[i].password],
        ]),
        ['acc-bad', 'wrong'],
      ]),
      drafts: planned
        .filter((p) => p.job.action === 'webhost.put')
        .map(({ job }) => ({
          id: job.draftId,
          kind: 'page',
          accountId: job.accountId,
          title: job.label,
          body: `<p>${job.label}</p>`,
          format: 'html',
          createdAt: job.createdAt,
          updatedAt: job.createdAt,
          revision: 1,
          published: [],
        })),
    }
    await writeWorld(o.dataDir, world)
    faultsOn = true
    const adder = await JobStore.open(o.dataDir, writeJsonDurable)
    const problems: string[] = []
    for (let round = 1; round <= o.kills; round++) {
      for (const { job } of planned.slice((round - 1) * perRound, round * perRound)) await adder.put(job)
      await killOnce(o.spawnChild(o.dataDir, 'run'), min + random() * (max - min))
      const after = await JobStore.open(o.dataDir, async () => {})
      for (const { job } of planned.slice(0, round * perRound)) {
        const found = after.get(job.id)
        if (!found) problems.push(`round ${round}: ${job.label} lost`)
        else problems.push(...historyProblems(found).map((p) => `round ${round}: ${p}`))
      }
      o.onRound?.(round, problems.length)
    }
    await drain(o.spawnChild(o.dataDir, 'drain'))
    const asked = await settleByPerson(o.dataDir, world, server)
    const final = await JobStore.open(o.dataDir, async () => {})
    const report = checkCrash(o.kills, planned, final.list(), server, new Set(seeds.values()), asked.count)
    report.problems.unshift(...problems, ...asked.problems)
    return report
  } finally {
    await server.close()
  }
}

function killOnce(child: ChildProcess, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined
    const startup = setTimeout(() => child.kill('SIGKILL'), 20_000)
    child.stdout!.setEncoding('utf8')
    child.stdout!.on('data', (chunk: string) => {
      if (timer === undefined && chunk.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs)
    })
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(startup)
      clearTimeout(timer)
      if (signal !== 'SIGKILL' || timer === undefined)
        reject(new Error(`the queue child ended by itself (code ${code}, signal ${signal}) before it was killed`))
      else resolve()
    })
  })
}

function drain(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const limit = setTimeout(() => child.kill('SIGKILL'), 120_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(limit)
      if (code === 0) resolve()
      else reject(new Error(`the draining child failed (code ${code})`))
    })
  })
}
