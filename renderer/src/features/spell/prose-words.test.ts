import { describe, expect, it } from 'vitest'
import { proseWords } from './prose-words'

const words = (text: string, format: 'html' | 'markdown' | 'text') => proseWords(text, format).map((w) => w.word)

describe('prose words: what spell check looks at', () => {
  it('HTML: text only, never tags, attributes, entities, code or URLs', () => {
    const html =
      '<p class="intro" data-x="zzqx">Helo <a href="https://exmple.com/pth">wrld</a> &nbsp; <code>fnctn()</code></p>' +
      '<pre>mispeld code</pre><!-- nott --> see www.exmple.org or ann@exmple.com'
    expect(words(html, 'html')).toEqual(['Helo', 'wrld', 'see', 'or'])
  })

  it('Markdown: no code spans, fences, indented code or link targets', () => {
    const md = 'Teh `cod` text\n\n```\nfencd\n```\n\n    indentd\n\n[lnk](http://x.y/abc) dn’t'
    expect(words(md, 'markdown')).toEqual(['Teh', 'text', 'lnk', "dn't"])
  })

  it('plain text keeps angle brackets as prose but skips URLs, acronyms and words with digits', () => {
    expect(words('a <b> NASA abc123 visit http://exmple.com now', 'text')).toEqual(['visit', 'now'])
  })

  it('offsets point at the word in the original text', () => {
    const text = '<p>Wrold</p>'
    const [w] = proseWords(text, 'html')
    expect(text.slice(w.start, w.end)).toBe('Wrold')
  })
})
