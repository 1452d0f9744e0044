import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { Job, JobAction } from '../../../shared/model'
import { JobStore } from '../job-store'
import { newJob } from '../new-job'
import type { Performer } from '../performer'
import { Publisher } from '../publisher'
import { writeJsonDurable } from '../write-json'
import { manualClock, settle } from './manual-clock'

const dirs: string[] = []
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

export interface Fixture {
  publisher: Publisher
  store: JobStore
  clock: ReturnType<typeof manualClock>
  events: Job[]
  dir: string
  add(label: string, account?: string, action?: JobAction): Promise<Job>
  job(label: string): Job
  states(): Record<string, string>
}

/** A publisher on a temp data dir with a manual clock and max jitter (random = 1: waits are exact). */
export async function publisherFixture(
  performers: { idempotent: Performer; once?: Performer },
  o: { concurrency?: number; probe?: (job: Job) => Promise<boolean>; start?: boolean } = {},
): Promise<Fixture> {
  const dir = await mkdtemp(join(tmpdir(), 'upstream-queue-'))
  dirs.push(dir)
  const store = await JobStore.open(dir, writeJsonDurable)
  const clock = manualClock()
  const events: Job[] = []
  const once = performers.once ?? performers.idempotent
  const publisher = new Publisher({
    store,
    performers: {
      'webhost.put': performers.idempotent,
      'discuss.saveMessage': performers.idempotent,
      'discuss.newMessage': once,
      'site.sync': performers.idempotent,
    },
    onChange: (j) => events.push(j),
    clock,
    random: () => 1,
    ...(o.concurrency ? { concurrency: o.concurrency } : {}),
    ...(o.probe ? { probe: o.probe } : {}),
  })
  clock.idle = async () => {
    await settle(1)
    await publisher.idle()
  }
  if (o.start !== false) await publisher.start()
  const byLabel = (label: string) => store.list().find((j) => j.label === label)!
  return {
    publisher,
    store,
    clock,
    events,
    dir,
    async add(label, account = 'a', action = 'webhost.put') {
      return publisher.enqueue(
        newJob(
          {
            action,
            draftId: `d-${label}`,
            accountId: account,
            label,
            ...(action === 'discuss.newMessage' ? { message: { title: label, body: 'b', inResponseTo: 0 } } : {}),
          },
          clock.now(),
        ),
      )
    },
    job: byLabel,
    states: () => Object.fromEntries(store.list().map((j) => [j.label, j.state])),
  }
}

/** A promise the test resolves when it wants an attempt to end. */
export function gate<T>(): { promise: Promise<T>; open(value: T): void } {
  let open!: (value: T) => void
  const promise = new Promise<T>((r) => (open = r))
  return { promise, open }
}
