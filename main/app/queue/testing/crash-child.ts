import type { Job } from '../../../../shared/model'
import { performersWith } from '../../core/job-performers'
import { JobStore } from '../../../queue/job-store'
import { Publisher } from '../../../queue/publisher'
import { hostQueue } from '../../../queue/queue-lock'
import { writeJsonDurable } from '../../../queue/write-json'
import { readWorld, soakWorldOf, worldClock } from './crash-world'
import { soakDeps } from './soak-deps'

export const settledState = (j: Job): boolean =>
  j.state === 'done' ||
  j.state === 'cancelled' ||
  j.state === 'needs-attention' ||
  j.state === 'paused' ||
  (j.state === 'unknown' && j.uncertain?.status === 'ask-user')

/**
 * The process the queue crash test kills: takes the publisher lock (its dead predecessor's is
 * stale), recovers, and drains the queue with the real performers. `drain` mode exits by itself
 * once every job has settled; otherwise it runs until SIGKILL.
 */
export async function runQueueChild(dataDir: string, mode: 'run' | 'drain'): Promise<void> {
  const w = await readWorld(dataDir)
  const clock = worldClock(w)
  const store = await JobStore.open(dataDir, writeJsonDurable)
  const publisher = new Publisher({
    store,
    performers: performersWith(soakDeps(soakWorldOf(w), clock, w.timeoutMs)),
    onChange: () => {},
    clock,
    concurrency: 6,
  })
  const host = await hostQueue({ dataDir, store, publisher, pollMs: 50 })
  for (let i = 0; !host.holding(); i++) {
    if (i > 200) throw new Error('the publisher lock never came free')
    await new Promise((r) => setTimeout(r, 25))
    await host.poll()
  }
  process.stdout.write('ready\n')
  if (mode === 'run') {
    setInterval(() => {}, 1 << 30) // an idle queue must still be there to be killed
    return
  }
  while (!store.list().every(settledState)) await new Promise((r) => setTimeout(r, 25))
  await host.close()
  process.stdout.write('drained\n')
}
