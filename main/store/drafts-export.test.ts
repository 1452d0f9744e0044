import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDraftStore } from './drafts'
import { faultyFs } from './testing/fs-faults'
import { nodeFs } from './fs-layer'
import { useTempDirs } from './testing/test-dir'

const tempDir = useTempDirs()

describe('DraftStore: export', () => {
  it('writes the document by its format plus the full JSON', async () => {
    const store = openDraftStore(await tempDir())
    const out = join(await tempDir(), 'export')
    const d = await store.save({
      id: 'n1',
      kind: 'post',
      format: 'markdown',
      title: 'Café & Crème!',
      body: 'Some *words*.',
    })
    const paths = await store.exportDraft('n1', out)
    expect(paths.map((p) => p.slice(out.length + 1))).toEqual(['cafe-creme-n1.md', 'cafe-creme-n1.json'])
    expect(await readFile(paths[0], 'utf8')).toBe('# Café & Crème!\n\nSome *words*.\n')
    expect(JSON.parse(await readFile(paths[1], 'utf8'))).toEqual(d)
  })

  it('wraps an html fragment in a document, leaves a whole document alone, writes text as text', async () => {
    const store = openDraftStore(await tempDir())
    const out = await tempDir()
    await store.save({ id: 'h1', kind: 'message', format: 'html', title: 'A <b> title', body: '<p>hi</p>' })
    await store.save({
      id: 'h2',
      kind: 'page',
      format: 'html',
      title: 'Page',
      body: '<!DOCTYPE html><html><body>x</body></html>',
    })
    await store.save({ id: 't1', kind: 'message', format: 'text', title: '', body: 'plain' })
    const paths = await store.exportAll(out)
    expect((await readdir(out)).sort()).toEqual([
      'a-b-title-h1.html',
      'a-b-title-h1.json',
      'page-h2.html',
      'page-h2.json',
      'untitled-t1.json',
      'untitled-t1.txt',
    ])
    expect(paths).toHaveLength(6)
    const h1 = await readFile(join(out, 'a-b-title-h1.html'), 'utf8')
    expect(h1).toContain('<title>A &#60;b&#62; title</title>')
    expect(h1).toContain('<p>hi</p>')
    expect(await readFile(join(out, 'page-h2.html'), 'utf8')).toBe('<!DOCTYPE html><html><body>x</body></html>')
    expect(await readFile(join(out, 'untitled-t1.txt'), 'utf8')).toBe('plain\n')
  })

  it('a missing draft or a full disk fails loudly', async () => {
    const f = faultyFs(nodeFs)
    const store = openDraftStore(await tempDir(), { fs: f.fs })
    const out = await tempDir()
    await expect(store.exportDraft('ghost', out)).rejects.toMatchObject({ kind: 'not-found' })
    await store.save({ id: 'e', kind: 'post', format: 'text', title: 't', body: 'b' })
    f.fail('write', 'ENOSPC', (c) => c.path.startsWith(out))
    await expect(store.exportDraft('e', out)).rejects.toMatchObject({
      code: 'ENOSPC',
      message: expect.stringMatching(/^Not exported: the disk is full \(ENOSPC\)/),
    })
    expect(await readdir(out)).toEqual([])
  })
})
