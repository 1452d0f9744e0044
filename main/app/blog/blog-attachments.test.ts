import { describe, expect, it } from 'vitest'
import { attachmentNamed, linkedAttachments } from './blog-attachments'

const files = [
  { name: 'red dot.png', type: 'image/png', size: 1, storedAs: 'a1' },
  { name: 'notes.pdf', type: 'application/pdf', size: 1, storedAs: 'a2' },
]

describe('links to attached files', () => {
  it('finds a file by its attached name, written plainly, with ./ or URL-escaped', () => {
    for (const ref of ['red dot.png', './red dot.png', 'red%20dot.png', ' red dot.png '])
      expect(attachmentNamed(ref, files)?.storedAs).toBe('a1')
  })

  it("leaves other people's URLs, paths on this machine and unattached names alone", () => {
    for (const ref of [
      'https://example.com/red dot.png',
      'file:///home/me/red dot.png',
      '/red dot.png',
      '#red dot.png',
      'data:image/png;base64,AA',
      'blue.png',
      '../red dot.png',
      '%E0%A4%A',
    ]) {
      expect(attachmentNamed(ref, files)).toBeUndefined()
    }
  })

  it('lists each linked attachment once, in order, from img, a, source…', () => {
    const html = `<p><a href="notes.pdf">notes</a></p><img src="red%20dot.png"><img src='./red dot.png'><!-- <img src="gone.png"> --><img src="https://x/notes.pdf">`
    expect(linkedAttachments(html, files)).toEqual(['notes.pdf', 'red dot.png'])
    expect(linkedAttachments(html)).toEqual([])
  })
})
