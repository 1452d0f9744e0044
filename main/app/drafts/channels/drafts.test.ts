import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Draft, DraftQuery } from '../../../../shared/model'
import { SANDBOX_DG, testCore } from '../../testing/test-core'

describe('drafts channels', () => {
  it('save (with inResponseTo), get, and list by text, account and kind', async () => {
    const app = await testCore()
    const reply: Draft = await app.call('drafts.save', {
      kind: 'message',
      format: 'html',
      title: 'Re: trains',
      body: 'Quiet carriages.',
      accountId: SANDBOX_DG,
      inResponseTo: '000007',
    })
    const page: Draft = await app.call('drafts.save', {
      kind: 'page',
      format: 'markdown',
      title: 'Notes',
      body: 'About *trains* and boats',
      relativePath: 'notes.html',
    })
    expect(reply).toMatchObject({ revision: 1, inResponseTo: '000007' })
    expect(await app.call('drafts.get', { id: reply.id })).toEqual(reply)
    expect(app.emitted('draft.saved').map((e) => e.id)).toEqual([reply.id, page.id])
    const ids = async (q?: DraftQuery) => (await app.call('drafts.list', q)).map((d) => d.id)
    expect(await ids()).toEqual([page.id, reply.id])
    expect(await ids({ text: 'TRAINS' })).toEqual([page.id, reply.id])
    expect(await ids({ text: 'quiet trains' })).toEqual([reply.id])
    expect(await ids({ accountId: SANDBOX_DG })).toEqual([reply.id])
    expect(await ids({ kind: 'page' })).toEqual([page.id])
  })

  it('refuses bad input with the field named', async () => {
    const app = await testCore()
    expect(await app.refusal('drafts.list', { kind: 'tweet' })).toMatchObject({
      kind: 'invalid-input',
      message: expect.stringContaining('"kind"'),
    })
    expect(await app.refusal('drafts.list', 'trains')).toMatchObject({ kind: 'invalid-input' })
    expect(await app.refusal('drafts.get', { id: 'nope' })).toMatchObject({ kind: 'not-found' })
    expect(
      await app.refusal('drafts.save', { kind: 'message', format: 'html', title: 't', body: 'b', inResponseTo: 1.5 }),
    ).toMatchObject({ details: { field: 'inResponseTo' } })
  })

  it('render: Markdown → HTML, HTML as written, text escaped in <pre>', async () => {
    const app = await testCore()
    expect(
      await app.call('drafts.render', { format: 'markdown', body: '# Hi\n\nA *b* <span>c</span> https://example.com' }),
    ).toEqual({
      html: '<h1>Hi</h1>\n<p>A <em>b</em> <span>c</span> <a href="https://example.com">https://example.com</a></p>\n',
    })
    expect(await app.call('drafts.render', { format: 'html', body: '<p>As <b>written</b>' })).toEqual({
      html: '<p>As <b>written</b>',
    })
    expect(await app.call('drafts.render', { format: 'text', body: 'a < b & "c"\n  d' })).toEqual({
      html: '<pre>a &#60; b &#38; &#34;c&#34;\n  d</pre>',
    })
    expect(await app.refusal('drafts.render', { format: 'rtf', body: '' })).toMatchObject({ kind: 'invalid-input' })
  })

  it('publishing a Markdown page sends the rendered HTML, the same the preview shows', async () => {
    const app = await testCore()
    const page: Draft = await app.call('drafts.save', {
      kind: 'page',
      format: 'markdown',
      title: 'Rendered',
      body: 'Some *emphasis*.',
      relativePath: 'rendered.html',
      accountId: 'local-sandbox-webhost',
    })
    const job = await app.settled(((await app.call('publish.draft', { draftId: page.id })) as { id: string }).id)
    const served = await (await fetch(job.result!.url!)).text()
    const { html } = await app.call('drafts.render', { format: 'markdown', body: page.body })
    expect(served).toBe(html)
    // And the job's end was announced once, with where it went.
    expect(app.emitted('notification').filter((n) => n.body?.includes(job.result!.url!))).toEqual([
      {
        level: 'success',
        title: 'Published',
        body: `${job.label} — ${job.result!.url}`,
        jobId: job.id,
        draftId: page.id,
      },
    ])
    expect(
      app
        .emitted('draft.saved')
        .filter((e) => e.id === page.id)
        .map((e) => e.revision),
    ).toEqual([1, 2])
  })

  it('export writes one draft, or all, into exports/<time>/', async () => {
    const app = await testCore()
    const a: Draft = await app.call('drafts.save', { kind: 'message', format: 'markdown', title: 'First', body: 'One' })
    await app.call('drafts.save', { kind: 'page', format: 'html', title: 'Second', body: '<p>Two</p>' })
    const one = await app.call('drafts.export', { id: a.id })
    expect(one.files.map((f) => f.slice(f.lastIndexOf('/') + 1))).toEqual([`first-${a.id}.md`, `first-${a.id}.json`])
    expect(one.files[0].startsWith(join(app.dir, 'exports'))).toBe(true)
    expect(await readFile(one.files[0], 'utf8')).toBe('# First\n\nOne\n')
    expect((await app.call('drafts.export', {})).files).toHaveLength(4)
    expect(await app.refusal('drafts.export', { id: 'nope' })).toMatchObject({ kind: 'not-found' })
  })
})
