import { createHash, randomBytes } from 'node:crypto'
import { access, readFile } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import type { Draft, Job } from '../../../../shared/model'
import { stageUpload, stagingDir } from '../../../store/stage'
import { SANDBOX_DG, testCore } from '../../testing/test-core'

/** Streams bytes through the host's real staging code, as an upload from the browser would. */
const stage = (dataDir: string, bytes: Buffer) =>
  stageUpload(Readable.from([bytes]) as unknown as IncomingMessage, dataDir, 200 * 1024 * 1024)
const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  )
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

describe('enclosures', () => {
  it('attach moves the staged file into the draft folder; detach removes record and bytes; refusals name the cause', async () => {
    const app = await testCore()
    const draft: Draft = await app.call('drafts.save', {
      kind: 'message',
      format: 'html',
      title: 'With a picture',
      body: '<p>See.</p>',
      accountId: SANDBOX_DG,
    })
    const { fileId } = await stage(app.dir, Buffer.from('PNG bytes'))
    const attached: Draft = await app.call('drafts.attach', { draftId: draft.id, fileId, name: 'photo.png' })
    expect(attached.enclosures).toEqual([{ name: 'photo.png', type: 'image/png', size: 9, storedAs: fileId }])
    const stored = join(app.dir, 'drafts', draft.id, fileId)
    expect(await readFile(stored, 'utf8')).toBe('PNG bytes')
    expect(await exists(join(stagingDir(app.dir), fileId))).toBe(false)

    const again = await stage(app.dir, Buffer.from('other'))
    expect(
      await app.refusal('drafts.attach', { draftId: draft.id, fileId: again.fileId, name: 'photo.png' }),
    ).toMatchObject({ kind: 'invalid-input', details: { field: 'name' } })
    expect(await exists(join(stagingDir(app.dir), again.fileId))).toBe(true) // still there to attach under another name
    expect(await app.refusal('drafts.attach', { draftId: draft.id, fileId: 'gone-1234', name: 'x.png' })).toMatchObject(
      { kind: 'not-found', details: { field: 'fileId' } },
    )
    expect(
      await app.refusal('drafts.attach', { draftId: draft.id, fileId: '../settings.json', name: 'x.png' }),
    ).toMatchObject({ details: { field: 'fileId' } })
    expect(
      await app.refusal('drafts.attach', { draftId: draft.id, fileId: again.fileId, name: '../evil' }),
    ).toMatchObject({ details: { field: 'name' } })
    expect(
      await app.refusal('drafts.attach', {
        draftId: draft.id,
        fileId: again.fileId,
        name: 'x.bin',
        type: 'not a type',
      }),
    ).toMatchObject({ details: { field: 'type' } })
    const page: Draft = await app.call('drafts.save', {
      kind: 'page',
      format: 'html',
      title: 'P',
      body: '',
      relativePath: 'p.html',
    })
    expect(await app.refusal('drafts.attach', { draftId: page.id, fileId: again.fileId, name: 'x.png' })).toMatchObject(
      { kind: 'invalid-input', message: expect.stringContaining('web page') },
    )

    const detached: Draft = await app.call('drafts.detach', { draftId: draft.id, name: 'photo.png' })
    expect(detached.enclosures).toEqual([])
    expect(await exists(stored)).toBe(false)
    expect(await app.refusal('drafts.detach', { draftId: draft.id, name: 'photo.png' })).toMatchObject({
      kind: 'not-found',
    })
  })

  it('a 50 MB file: staged, attached, published with the message (attachEnclosure), downloaded byte for byte', async () => {
    const app = await testCore()
    const bytes = randomBytes(50 * 1024 * 1024)
    const draft: Draft = await app.call('drafts.save', {
      kind: 'message',
      format: 'markdown',
      title: 'Big one',
      body: 'The *recording*.',
      accountId: SANDBOX_DG,
    })
    const { fileId, size } = await stage(app.dir, bytes)
    expect(size).toBe(bytes.length)
    const attached: Draft = await app.call('drafts.attach', { draftId: draft.id, fileId, name: 'talk.mp3' })
    expect(attached.enclosures).toEqual([
      { name: 'talk.mp3', type: 'audio/mpeg', size: bytes.length, storedAs: fileId },
    ])
    const queued: Job = await app.call('publish.draft', { draftId: draft.id })
    expect(queued).toMatchObject({
      action: 'discuss.newMessage',
      message: { body: '<p>The <em>recording</em>.</p>\n' },
      files: [{ path: 'talk.mp3', status: 'pending' }],
    })
    const job = await app.settled(queued.id, 'done', 40_000)
    expect(job.files).toEqual([
      expect.objectContaining({
        path: 'talk.mp3',
        status: 'sent',
        bytes: bytes.length,
        url: expect.stringContaining('/enclosures/'),
      }),
    ])
    const res = await fetch(job.files![0].url!)
    expect(res.headers.get('content-type')).toContain('audio/mpeg')
    const got = new Uint8Array(await res.arrayBuffer())
    expect(got.length).toBe(bytes.length)
    expect(sha(got)).toBe(sha(bytes))
    // Publishing again saves the message and does not attach the same file twice.
    const edit: Job = await app.call('publish.draft', { draftId: draft.id })
    expect(edit).toMatchObject({ action: 'discuss.saveMessage' })
    expect(edit.files).toBeUndefined()
  }, 60_000)
})
