import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Job } from '../../shared/model'

export type WriteJson = (file: string, value: unknown) => Promise<void>

/** One file per job (`queue/<id>.json`), written durably, so jobs survive restarts and crashes. */
export class JobStore {
  private readonly jobs = new Map<string, Job>()
  private constructor(
    private readonly dir: string,
    private readonly write: WriteJson,
  ) {}

  static async open(dataDir: string, write: WriteJson): Promise<JobStore> {
    const store = new JobStore(join(dataDir, 'queue'), write)
    const names = await readdir(store.dir).catch(() => [] as string[])
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      try {
        const job = JSON.parse(await readFile(join(store.dir, name), 'utf8')) as Job
        if (typeof job.id === 'string' && typeof job.state === 'string') store.jobs.set(job.id, job)
      } catch {
        // A file that is not a job is left where it is for a person to look at, never deleted.
      }
    }
    return store
  }

  list(): Job[] {
    return [...this.jobs.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id)
  }

  async put(job: Job): Promise<void> {
    await this.write(join(this.dir, `${job.id}.json`), job)
    this.jobs.set(job.id, job)
  }
}
