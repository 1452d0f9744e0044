import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Events } from '../../../../shared/api'
import type { Draft, Job } from '../../../../shared/model'
import { startCore } from '../../core/core'
import type { Core } from '../../core/core-types'

const DG = 'local-sandbox-discussion'
const cores: Core[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const c of cores.splice(0).reverse()) await c.close()
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

async function open(dataDir?: string, sandbox = true) {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'upstream-core-queue-')))
  if (!dataDir) dirs.push(dir)
  const core = await startCore({ dataDir: dir, face: 'test', sandbox })
  cores.push(core)
  const jobs = new Map<string, Job>()
  core.onEvent((event, payload) => {
    if (event === 'queue.job') jobs.set((payload as Events['queue.job']).id, payload as Job)
  })
  const call = async (channel: string, input?: unknown) => {
    const r = await core.invoke(channel as never, input)
    if (!r.ok) throw Object.assign(new Error(r.error.message), { error: r.error })
    return r.value as never
  }
  const result = (channel: string, input?: unknown) => core.invoke(channel as never, input)
  return { dir, core, jobs, call, result }
}

const message = (title: string, body = 'Words.') => ({ kind: 'message', format: 'html', title, body, accountId: DG })

describe('queue channels through the core', () => {
  it('publishes a message to the Local sandbox group, then saves edits to the same msgnum', async () => {
    const app = await open()
    const draft: Draft = await app.call('drafts.save', message('Hello group'))
    const first: Job = await app.call('publish.draft', { draftId: draft.id })
    expect(first).toMatchObject({
      action: 'discuss.newMessage',
      state: 'queued',
      message: { title: 'Hello group', inResponseTo: 0 },
    })
    // Two clicks on Publish must never mean two posts.
    const twice = await app.result('publish.draft', { draftId: draft.id })
    expect(twice).toMatchObject({ ok: false, error: { kind: 'conflict' } })
    await vi.waitFor(() => expect(app.jobs.get(first.id)?.state).toBe('done'))
    const msgnum = app.jobs.get(first.id)!.result!.msgnum
    expect(typeof msgnum).toBe('string')
    expect(((await app.call('drafts.get', { id: draft.id })) as Draft).published).toMatchObject([
      { jobId: first.id, msgnum },
    ])

    await app.call('drafts.save', { ...message('Hello group', 'Better words.'), id: draft.id })
    const edit: Job = await app.call('publish.draft', { draftId: draft.id })
    expect(edit).toMatchObject({ action: 'discuss.saveMessage', message: { msgnum, body: 'Better words.' } })
    await vi.waitFor(() => expect(app.jobs.get(edit.id)?.state).toBe('done'))
  })

  it('sends what the preview shows: a Markdown message goes out as HTML', async () => {
    const app = await open()
    const draft: Draft = await app.call('drafts.save', {
      ...message('Formatted', 'Some **bold** words.'),
      format: 'markdown',
    })
    const job: Job = await app.call('publish.draft', { draftId: draft.id })
    expect(job.message!.body).toBe('<p>Some <strong>bold</strong> words.</p>\n')
  })

  it('checks input and says why an action does not apply', async () => {
    const app = await open()
    expect(await app.result('queue.retry', {})).toMatchObject({ ok: false, error: { kind: 'invalid-input' } })
    expect(await app.result('queue.cancel', { jobId: 'nope' })).toMatchObject({
      ok: false,
      error: { kind: 'not-found' },
    })
    const draft: Draft = await app.call('drafts.save', message(''))
    expect(await app.result('publish.draft', { draftId: draft.id })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input', details: { field: 'title' } },
    })
    expect(await app.result('publish.draft', { draftId: draft.id, inResponseTo: 1.5 })).toMatchObject({
      ok: false,
      error: { details: { field: 'inResponseTo' } },
    })
    const ok: Draft = await app.call('drafts.save', message('Fine'))
    const job: Job = await app.call('publish.draft', { draftId: ok.id })
    await vi.waitFor(() => expect(app.jobs.get(job.id)?.state).toBe('done'))
    expect(await app.result('queue.resolve', { jobId: job.id, answer: 'was-posted', msgnum: { x: 1 } })).toMatchObject({
      ok: false,
      error: { details: { field: 'msgnum' } },
    })
    expect(await app.result('queue.resolve', { jobId: job.id, answer: 'not-posted' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input' },
    })
    expect(await app.result('queue.cancel', { jobId: job.id })).toMatchObject({
      ok: false,
      error: { message: 'Cannot cancel “Post “Fine” to Local sandbox — group “sandbox””: it is done.' },
    })
    expect(await app.call('queue.pause', {})).toEqual([])
  })

  it('a second process sees the queue but does not run it, adds jobs the first runs, and takes over when it exits', async () => {
    const first = await open()
    const second = await open(first.dir, false)
    const draft: Draft = await second.call('drafts.save', message('From the CLI'))
    const job: Job = await second.call('publish.draft', { draftId: draft.id })
    expect(await second.result('queue.cancel', { jobId: job.id })).toMatchObject({
      ok: false,
      error: { kind: 'locked' },
    })
    // The first process notices the new job file and posts it; the second reads the outcome from disk.
    await vi.waitFor(() => expect(first.jobs.get(job.id)?.state).toBe('done'), { timeout: 8_000 })
    await vi.waitFor(async () =>
      expect(((await second.call('queue.list')) as Job[]).find((j) => j.id === job.id)?.state).toBe('done'),
    )
    await first.core.close()
    cores.splice(cores.indexOf(first.core), 1)
    await vi.waitFor(async () => expect(await second.result('queue.pause', {})).toMatchObject({ ok: true }), {
      timeout: 8_000,
    })
  })
})
