import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { acquireLock } from '../store/locks'
import { JobStore } from './job-store'
import { newJob } from './new-job'
import { Publisher } from './publisher'
import { hostQueue } from './queue-lock'
import { publisherFixture } from './testing/publisher-fixture'
import { scripted } from './testing/scripted'
import { writeJsonDurable } from './write-json'

describe('one publisher per data directory', () => {
  it('the second host only watches; it takes over when the first exits, finishing what it left', async () => {
    const s = scripted(true, {})
    const a = await publisherFixture({ idempotent: s.performer }, { start: false })
    const hostA = await hostQueue({ dataDir: a.dir, store: a.store, publisher: a.publisher, pollMs: 60_000 })
    const storeB = await JobStore.open(a.dir, writeJsonDurable)
    const b = new Publisher({
      store: storeB,
      performers: {
        'webhost.put': s.performer,
        'discuss.newMessage': s.performer,
        'discuss.saveMessage': s.performer,
        'site.sync': s.performer,
      },
      onChange: () => {},
    })
    const hostB = await hostQueue({ dataDir: a.dir, store: storeB, publisher: b, pollMs: 60_000 })
    expect([hostA.holding(), hostB.holding()]).toEqual([true, false])

    // B queues a job; A, the holder, picks it up on its next look and sends it.
    const job = await b.enqueue(newJob({ action: 'webhost.put', draftId: 'd', accountId: 'x', label: 'from B' }))
    expect(s.runs).toHaveLength(0)
    await hostA.poll()
    await a.publisher.idle()
    expect(a.job('from B').state).toBe('done')
    await hostB.poll()
    expect(storeB.get(job.id)?.state).toBe('done') // B sees what A did, from disk

    await hostA.close()
    await hostB.poll()
    expect(hostB.holding()).toBe(true)
    await hostB.close()
  })

  it('a holder whose lock file vanished stops running the queue rather than risk a second publisher', async () => {
    const a = await publisherFixture({ idempotent: scripted(true, {}).performer }, { start: false })
    const host = await hostQueue({ dataDir: a.dir, store: a.store, publisher: a.publisher, pollMs: 60_000 })
    expect(a.publisher.isRunning).toBe(true)
    // Someone deleted the lock file and another live process took it.
    await rm(join(a.dir, 'publisher.lock'))
    const other = await acquireLock(a.dir, 'publisher', { pid: process.ppid })
    expect(other).not.toBeNull()
    await host.poll()
    expect([host.holding(), a.publisher.isRunning]).toEqual([false, false])
    await other!.release()
    await host.poll()
    expect([host.holding(), a.publisher.isRunning]).toEqual([true, true])
    await host.close()
  })
})
