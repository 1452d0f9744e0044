import type { Account, Job } from '../../../../shared/model'
import { performersWith } from '../../core/job-performers'
import { probeFor } from '../probe'
import { createXmlRpcClient } from '../../../xmlrpc/client'
import { JobStore } from '../../../queue/job-store'
import { Publisher } from '../../../queue/publisher'
import { writeJsonDurable } from '../../../queue/write-json'
import { checkSoak, type SoakReport } from './soak-check'
import { emptyWorld, soakDeps } from './soak-deps'
import { soakJobs } from './soak-jobs'
import { networkSwitch } from './soak-network'
import { startPerson } from './soak-person'
import { seeded, randomFaults } from './fault-plan'
import { startFaultServer } from './fault-server'
import { scaledClock } from '../../../queue/testing/scaled-clock'
import { auditedWriter } from './state-audit'

export interface SoakOptions {
  jobs: number
  dataDir: string
  seed?: number
  /** Share of calls whose answer is lost after the work was done (default 0.2). */
  faultRate?: number
  accounts?: number
  /** The clients' timeout, real ms; `slow` answers take slowMs (longer). */
  timeoutMs?: number
  slowMs?: number
  /** How much faster the queue's clock runs than the wall clock. */
  speed?: number
  /** Give up waiting after this long (real ms). */
  deadlineMs?: number
}

const settledState = (j: Job): boolean =>
  j.state === 'done' ||
  j.state === 'cancelled' ||
  j.state === 'needs-attention' ||
  j.state === 'paused' ||
  (j.state === 'unknown' && j.uncertain?.status === 'ask-user')

/**
 * The queue's fault-injection proof: `jobs` publishes through the real publisher, performers and
 * XML-RPC client against our fault server, on an injected fast clock. Returns the figures.
 */
export async function runSoak(o: SoakOptions): Promise<SoakReport> {
  const seed = o.seed ?? 1
  const clock = scaledClock(o.speed ?? 1_000)
  const random = seeded(seed)
  let faultsOn = false
  const plan = randomFaults(o.faultRate ?? 0.2, random)
  const nAccounts = o.accounts ?? 8
  const members = Array.from({ length: nAccounts }, (_, i) => ({ email: `writer${i}@soak.test`, password: `pw-${i}` }))
  const server = await startFaultServer({
    fault: (m, p) => (faultsOn ? plan(m, p) : undefined),
    slowMs: o.slowMs ?? 400,
    now: () => clock.now(),
    members,
  })
  const world = emptyWorld()
  const accounts: Account[] = members.map((m, i) => ({
    id: `acc-${i}`,
    kind: 'discussion',
    name: `Writer ${i}`,
    url: server.endpoint,
    username: m.email,
    dgname: 'soak',
  }))
  const badLogin: Account = {
    id: 'acc-bad',
    kind: 'discussion',
    name: 'Wrong password',
    url: server.endpoint,
    username: members[0].email,
    dgname: 'soak',
  }
  for (const [i, a] of accounts.entries()) {
    world.accounts.set(a.id, a).set(`${a.id}-web`, { ...a, id: `${a.id}-web`, kind: 'webhost' })
    world.passwords.set(a.id, members[i].password).set(`${a.id}-web`, members[i].password)
  }
  world.accounts.set(badLogin.id, badLogin)
  world.passwords.set(badLogin.id, 'not-the-password')

  // One message per account to reply to and to edit, posted before faults are switched on.
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
  const planned = soakJobs(o.jobs, seed, accounts, badLogin, seeds)
  for (const { job } of planned) if (job.action === 'webhost.put') world.drafts.set(job.draftId, draftFor(job))

  const { write, audit } = auditedWriter(writeJsonDurable)
  const store = await JobStore.open(o.dataDir, write)
  const net = networkSwitch()
  const deps = soakDeps(world, clock, o.timeoutMs ?? 250, net.fetch)
  const publisher = new Publisher({
    store,
    performers: performersWith(deps),
    probe: probeFor(deps),
    onChange: () => {},
    clock,
    random: seeded(seed + 1),
    concurrency: nAccounts + 2,
  })
  const started = Date.now()
  await publisher.start()
  faultsOn = true
  // A person at the keyboard, and the network dropping out now and then, for the first stretch.
  const person = startPerson(
    publisher,
    store,
    seeded(seed + 2),
    new Set(planned.filter((p) => p.injected).map((p) => p.job.id)),
  )
  const outages = setInterval(() => net.cut(100), 700)
  for (const { job } of planned) await publisher.enqueue(job)
  const deadline = started + (o.deadlineMs ?? 120_000)
  const wait = async (enough: () => boolean) => {
    while (Date.now() < deadline && !enough()) await new Promise((r) => setTimeout(r, 50))
  }
  await wait(() => store.list().filter(settledState).length >= planned.length / 2)
  clearInterval(outages)
  await person.stop()
  await wait(() => store.list().every(settledState))
  await publisher.stop()
  await server.close()
  const report = checkSoak({
    planned,
    jobs: store.list(),
    server,
    world,
    audit,
    seeds,
    cancelled: person.cancelled,
    wallMs: Date.now() - started,
  })
  return { ...report, outages: net.outages, personActions: person.actions }
}

function draftFor(job: Job) {
  const at = new Date().toISOString()
  return {
    id: job.draftId,
    kind: 'page' as const,
    accountId: job.accountId,
    title: job.label,
    body: `<p>${job.label}</p>`,
    format: 'html' as const,
    createdAt: at,
    updatedAt: at,
    revision: 1,
    published: [],
  }
}
