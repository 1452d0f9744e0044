import { acquireLock, type Lock } from '../store/locks'
import type { JobStore } from './job-store'
import type { Publisher } from './publisher'

export interface QueueHostOptions {
  dataDir: string
  store: JobStore
  publisher: Publisher
  /** How often to look for jobs other processes added, or for the lock coming free. */
  pollMs?: number
  acquire?: (dataDir: string) => Promise<Lock | null>
}

export interface QueueHost {
  /** Whether this process runs the queue. */
  holding(): boolean
  /** One poll now (tests; the timer does the same). */
  poll(): Promise<void>
  /** Stops the publisher (letting attempts under way settle), then frees the lock. */
  close(): Promise<void>
}

/**
 * One publisher per data directory. The process holding `publisher.lock` runs the queue and picks
 * up jobs other processes add; any other process sees the queue (re-reading it as it changes) but
 * does not run it, and takes over when the lock comes free (its holder exited or died).
 */
export async function hostQueue(opts: QueueHostOptions): Promise<QueueHost> {
  const acquire = opts.acquire ?? ((dir: string) => acquireLock(dir))
  let lock: Lock | null = null
  let closed = false
  let polling: Promise<void> | undefined

  const takeOver = async (): Promise<void> => {
    lock = await acquire(opts.dataDir)
    if (!lock) return
    // What the previous holder left is on disk, not in this process's copy.
    opts.publisher.noticed(await opts.store.reload())
    await opts.publisher.start()
  }

  const pollOnce = async (): Promise<void> => {
    if (closed) return
    if (lock && !(await lock.held())) {
      // Someone removed our lock file: stop rather than risk two publishers.
      await opts.publisher.stop()
      lock = null
    }
    if (lock) return opts.publisher.noticed(await opts.store.scanNew())
    opts.publisher.noticed(await opts.store.reload())
    await takeOver()
  }

  const poll = (): Promise<void> => (polling ??= pollOnce().finally(() => (polling = undefined)))

  await takeOver()
  const timer = setInterval(() => void poll().catch(() => {}), opts.pollMs ?? 2_000)
  timer.unref()

  return {
    holding: () => lock !== null,
    poll,
    async close() {
      closed = true
      clearInterval(timer)
      await polling?.catch(() => {})
      await opts.publisher.stop()
      await lock?.release()
      lock = null
    },
  }
}
