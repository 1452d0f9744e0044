import { describe, expect, it } from 'vitest'
import { defaultPath, slugify } from './default-path'
import { fromDraft, toInput } from './editor-draft'
import { previewDocument } from './preview-document'
import { textStats, visibleText } from './text-stats'

describe('default path', () => {
  it('derives a safe file name from the title', () => {
    expect(defaultPath('Hello World', 'html')).toBe('hello-world.html')
    expect(defaultPath('Crème brûlée — notes!', 'markdown')).toBe('creme-brulee-notes.html')
    expect(defaultPath('   ', 'text')).toBe('untitled.txt')
    expect(slugify('a'.repeat(100)).length).toBe(60)
  })
})

describe('editor draft', () => {
  const base = {
    id: 'd',
    kind: 'page',
    accountId: 'a',
    title: 'Hello World',
    body: '',
    format: 'html',
    createdAt: '',
    updatedAt: '',
    revision: 1,
  } as const
  it('lets the path follow the title until the page has gone out under it', () => {
    expect(fromDraft({ ...base, relativePath: 'hello-world.html', published: [] }).pathAuto).toBe(true)
    const published = fromDraft({
      ...base,
      relativePath: 'hello-world.html',
      published: [{ at: '', jobId: 'j', accountId: 'a' }],
    })
    expect(published.pathAuto).toBe(false)
    expect(toInput({ ...published, title: 'Renamed' }).relativePath).toBe('hello-world.html')
    expect(toInput({ ...fromDraft({ ...base, published: [] }), title: 'Renamed' }).relativePath).toBe('renamed.html')
  })
})

describe('text stats', () => {
  it('counts what a reader sees in HTML', () => {
    expect(visibleText('<p>Tom &amp; Jerry</p><script>var x = 1</script>')).toContain('Tom & Jerry')
    expect(textStats('<h1>Hello, world</h1><p>It’s   here.</p>', 'html')).toEqual({ words: 4, characters: 23 })
    expect(textStats('', 'markdown')).toEqual({ words: 0, characters: 0 })
  })
})

describe('preview document', () => {
  it('puts the CSP first in the head, whatever shape the page has', () => {
    expect(previewDocument('<p>hi</p>', 'html')).toMatch(
      /^<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy"/,
    )
    expect(
      previewDocument(
        '<!doctype html><html lang="en"><head><title>x</title></head><body><header>h</header></body></html>',
        'html',
      ),
    ).toContain('<head><meta http-equiv="Content-Security-Policy"')
    expect(previewDocument('<html><body>x</body></html>', 'html')).toMatch(/^<html><head><meta http-equiv/)
  })
  it('shows non-HTML bodies as text, never as markup', () => {
    expect(previewDocument('<script>alert(1)</script>', 'markdown')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })
})
