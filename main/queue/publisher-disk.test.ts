import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Job } from '../../shared/model'
import { JobStore } from './job-store'
import { newJob } from './new-job'
import { Publisher } from './publisher'
import { manualClock } from './testing/manual-clock'
import { scripted } from './testing/scripted'
import { writeJsonDurable } from './write-json'

let dir: string
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('publisher: the disk refuses', () => {
  it('nothing is sent unless "sending" is on disk first; the job says why, and goes once the disk is back', async () => {
    dir = await mkdtemp(join(tmpdir(), 'upstream-queue-disk-'))
    let full = (_: Job) => false
    const store = await JobStore.open(dir, async (file, value) => {
      if (full(value as Job)) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
      await writeJsonDurable(file, value)
    })
    const s = scripted(true, {})
    const clock = manualClock()
    const events: Job[] = []
    const publisher = new Publisher({
      store,
      performers: {
        'webhost.put': s.performer,
        'discuss.newMessage': s.performer,
        'discuss.saveMessage': s.performer,
        'site.sync': s.performer,
      },
      onChange: (j) => events.push(j),
      clock,
    })
    clock.idle = () => publisher.idle()
    await publisher.start()
    const job = newJob({ action: 'webhost.put', draftId: 'd', accountId: 'a', label: 'page' }, clock.now())
    full = () => true
    await expect(publisher.enqueue(job)).rejects.toMatchObject({ kind: 'storage', code: 'ENOSPC' }) // the UI hears it: nothing queued
    full = (j) => j.state === 'sending' // the disk fills up between queueing and sending
    await publisher.enqueue(job)
    await clock.advance(0)
    expect(s.runs).toHaveLength(0)
    expect(store.get(job.id)!.state).toBe('queued')
    expect(events.at(-1)?.error).toMatchObject({
      kind: 'storage',
      message:
        'The publish queue could not be saved: the disk is full (ENOSPC). Free some space; nothing more was sent.',
    })
    full = () => false
    await clock.advance(30_000)
    expect(store.get(job.id)!.state).toBe('done')
    expect(s.runs).toHaveLength(1)
  })
})
