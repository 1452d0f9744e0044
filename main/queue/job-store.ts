import { readdir, readFile, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { Job } from '../../shared/model'
import { keepAside } from '../store/corrupt-aside'
import { nodeFs } from '../store/fs-layer'
import { isPidAlive } from '../store/pid-alive'
import { diskError } from '../store/store-error'
import { parseTempName } from '../store/temp-names'

export type WriteJson = (file: string, value: unknown) => Promise<void>

/** A job file that is not a job, set aside: the writer is told, and it is never sent again. */
export interface CorruptJob {
  id: string
  file: string
  keptAs: string
}

/** Oldest first; ties (same millisecond, another process) broken by id so every process agrees. */
export const byAge = (a: Job, b: Job): number => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)

/**
 * One file per job (`queue/<id>.json`), written durably, so jobs survive restarts and crashes.
 * Only the process holding the publisher lock changes existing jobs; any process may add one.
 */
export class JobStore {
  private readonly jobs = new Map<string, Job>()
  /** Size and mtime of each file as last read: a rescan reads only files that changed. */
  private readonly seen = new Map<string, string>()
  private constructor(
    readonly dir: string,
    private readonly write: WriteJson,
    private readonly onCorrupt: (job: CorruptJob) => void,
  ) {}

  /**
   * `onCorrupt` hears of each job file that is not a job. It may have been a dispatched
   * `newMessage`, so it is neither skipped silently nor retried: it is renamed aside
   * (`<id>.corrupt-<time>.json`, bytes kept) and the writer is told to check the server.
   */
  static async open(
    dataDir: string,
    write: WriteJson,
    onCorrupt: (job: CorruptJob) => void = () => {},
  ): Promise<JobStore> {
    const store = new JobStore(join(dataDir, 'queue'), write, onCorrupt)
    await store.reload()
    return store
  }

  /** Newest first, as people read a queue. */
  list(): Job[] {
    return [...this.jobs.values()].sort((a, b) => byAge(b, a))
  }

  /** Oldest first, as the publisher works. */
  inOrder(): Job[] {
    return [...this.jobs.values()].sort(byAge)
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id)
  }

  /** Durable before it resolves; a disk failure is a StoreError saying what was not saved. */
  async put(job: Job): Promise<void> {
    try {
      await this.write(join(this.dir, `${job.id}.json`), job)
    } catch (e) {
      throw diskError(e, { lead: 'The publish queue could not be saved', keeps: 'nothing more was sent' })
    }
    this.jobs.set(job.id, job)
  }

  /** Re-reads every job file (another process runs the queue): returns the jobs that changed. */
  async reload(): Promise<Job[]> {
    return this.scan(() => true)
  }

  /** Reads only files for jobs this process has not seen (added by another process). */
  async scanNew(): Promise<Job[]> {
    return this.scan((id) => !this.jobs.has(id))
  }

  private async scan(wanted: (id: string) => boolean): Promise<Job[]> {
    const names = await readdir(this.dir).catch(() => [] as string[])
    const changed: Job[] = []
    for (const name of names) {
      // A dead writer's temp files (a crash mid-write) go; a live one's may be mid-save.
      const temp = parseTempName(name)
      if (temp && temp.pid !== process.pid && !isPidAlive(temp.pid)) await unlink(join(this.dir, name)).catch(() => {})
      // Temp files are dot-prefixed: only whole, renamed-in job files are read.
      if (!name.endsWith('.json') || name.startsWith('.') || name.includes('.corrupt-') || !wanted(name.slice(0, -5)))
        continue
      const file = join(this.dir, name)
      const st = await stat(file).catch(() => undefined)
      const mark = st ? `${st.size}:${st.mtimeMs}` : ''
      if (!st || this.seen.get(name) === mark) continue
      const job = await readJob(file)
      if (job === 'corrupt') {
        await this.setAside(name.slice(0, -5), file)
        continue
      }
      if (!job) continue
      this.seen.set(name, mark)
      const known = this.jobs.get(job.id)
      if (known && known.updatedAt === job.updatedAt && known.history.length === job.history.length) continue
      this.jobs.set(job.id, job)
      changed.push(job)
    }
    return changed
  }

  /** Renamed aside, never deleted (a person may recover it); told once, by whoever moved it. */
  private async setAside(id: string, file: string): Promise<void> {
    let keptAs: string
    try {
      keptAs = await keepAside(nodeFs, file)
    } catch {
      return // another process moved it first (and told its writer), or the folder is read-only
    }
    this.jobs.delete(id)
    this.onCorrupt({ id, file, keptAs })
  }
}

/** The job in a file; undefined if it could not be read now (gone, no permission); 'corrupt' if it is not a job. */
async function readJob(file: string): Promise<Job | undefined | 'corrupt'> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    return undefined
  }
  try {
    const job = JSON.parse(text) as Job
    const ok =
      typeof job?.id === 'string' &&
      typeof job.state === 'string' &&
      typeof job.createdAt === 'string' &&
      Array.isArray(job.history)
    return ok ? job : 'corrupt'
  } catch {
    return 'corrupt'
  }
}
