import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EventBus } from '../core/event-bus'
import { NOTICES_FILE, NOTICES_KEPT, NoticeHistory } from './notification-history'
import { recordNotices } from './record-notices'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notices-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('notification history', () => {
  it('keeps what the event bus carries, newest first, with its job and draft links, in a 0600 file', async () => {
    const bus = new EventBus()
    const history = recordNotices(dir, bus)
    bus.emit('notification', { level: 'error', title: 'Needs attention: A', jobId: 'j1', draftId: 'd1' })
    bus.emit('queue.job', {} as never)
    bus.emit('notification', { level: 'success', title: 'Published', body: 'A', jobId: 'j1' })
    const list = await history.list()
    expect(list.map((n) => [n.level, n.title, n.jobId, n.draftId])).toEqual([
      ['success', 'Published', 'j1', undefined],
      ['error', 'Needs attention: A', 'j1', 'd1'],
    ])
    expect(list[0].id).not.toBe(list[1].id)
    expect(((await stat(join(dir, NOTICES_FILE))).mode & 0o777).toString(8)).toBe('600')
  })

  it('two processes on one folder both add to it; a torn line is skipped; a new history reads what was kept', async () => {
    const a = new NoticeHistory(dir)
    const b = new NoticeHistory(dir)
    a.record({ level: 'info', title: 'from the app' })
    await a.list()
    await appendFile(join(dir, NOTICES_FILE), '{"id":"x","at":"2026')
    await appendFile(join(dir, NOTICES_FILE), '\n')
    b.record({ level: 'warning', title: 'from the CLI' })
    expect((await new NoticeHistory(dir).list()).map((n) => n.title)).toEqual(['from the CLI', 'from the app'])
  })

  it('is bounded: past twice the kept number the file is trimmed to the newest; clear empties it', async () => {
    const h = new NoticeHistory(dir)
    const total = 2 * NOTICES_KEPT + 5
    for (let i = 0; i < total; i++) h.record({ level: 'info', title: `n${i}`, body: 'x'.repeat(5000) })
    const list = await h.list()
    expect(list).toHaveLength(NOTICES_KEPT)
    expect(list[0].title).toBe(`n${total - 1}`)
    expect(list[0].body).toHaveLength(2000)
    const lines = (await readFile(join(dir, NOTICES_FILE), 'utf8')).trim().split('\n')
    expect(lines.length).toBeLessThanOrEqual(2 * NOTICES_KEPT)
    expect(lines.length).toBeGreaterThanOrEqual(NOTICES_KEPT)
    expect(await h.clear()).toBe(NOTICES_KEPT)
    expect(await h.list()).toEqual([])
  })
})
