import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Events } from '../../../shared/api'
import { JobStore } from '../../queue/job-store'
import { startCore } from '../core/core'

const dirs: string[] = []
afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))))

async function dataWithCorruptJob(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'upstream-corrupt-job-'))
  dirs.push(dir)
  await mkdir(join(dir, 'queue'))
  await writeFile(join(dir, 'queue', 'job-7.json'), text)
  return dir
}

describe('a corrupt queue job', () => {
  it('is set aside with its bytes, told once, and never read (or sent) again', async () => {
    const broken = '{"id": "job-7", "kind": "newMessage", "state": "sen'
    const dir = await dataWithCorruptJob(broken)
    const told: unknown[] = []
    const store = await JobStore.open(
      dir,
      async () => {},
      (bad) => told.push(bad),
    )
    expect(store.list()).toEqual([])
    const names = await readdir(join(dir, 'queue'))
    expect(names).toHaveLength(1)
    expect(names[0]).toMatch(/^job-7\.corrupt-.+\.json$/)
    expect(await readFile(join(dir, 'queue', names[0]), 'utf8')).toBe(broken)
    expect(told).toEqual([
      { id: 'job-7', file: join(dir, 'queue', 'job-7.json'), keptAs: join(dir, 'queue', names[0]) },
    ])
    await store.reload()
    expect(told).toHaveLength(1)
    expect(store.list()).toEqual([])
  })

  it('found at start-up, is told to every face that connects, with what to check', async () => {
    const dir = await dataWithCorruptJob(JSON.stringify({ id: 'job-7', note: 'not a job' }))
    const core = await startCore({ dataDir: dir, face: 'test', sandbox: false })
    try {
      for (const face of ['window', 'tab opened later']) {
        const notes: Events['notification'][] = []
        const off = core.onEvent((e, p) => void (e === 'notification' && notes.push(p as Events['notification'])))
        expect(notes, face).toHaveLength(1)
        expect(notes[0]).toMatchObject({ level: 'warning', title: expect.stringContaining('job-7') })
        expect(notes[0].body).toMatch(/will not be sent again.*check the server/)
        off()
      }
      const queue = await core.invoke('queue.list', undefined)
      expect(queue.ok && queue.value).toEqual([])
    } finally {
      await core.close()
    }
  })
})
