import { describe, expect, it } from 'vitest'
import { htmlDifference, readerText } from './html-compare'
import { keptReport } from './kept-report'
import type { PostSnapshot } from './read-post'

const now = new Date('2026-06-01T12:00:00Z')
const snapshot = (over: Partial<PostSnapshot>): PostSnapshot => ({
  id: '7',
  wireId: '7',
  title: 'Hello',
  description: '<p>Hi</p>',
  categories: ['Notes'],
  keywords: [],
  excerpt: '',
  slug: 'hello',
  status: 'publish',
  dateCreated: now.toISOString(),
  dateSource: 'gmt',
  dateModified: null,
  link: null,
  ...over,
})

describe('reading HTML as a reader sees it', () => {
  it('decodes entities, normalises Unicode and whitespace', () => {
    expect(readerText('Fish &amp; Chips &lt;3')).toBe('Fish & Chips <3')
    expect(readerText('Fish & Chips <3')).toBe('Fish & Chips <3')
    expect(readerText('Cafe\u0301  \n au lait')).toBe('Café au lait')
  })

  it('names removed elements and attributes, not characters', () => {
    const d = htmlDifference(
      '<p onclick="x()">Hi <iframe src="https://v.example/1"></iframe><a href="/a" target="_blank">a</a></p>',
      '<p>Hi <a href="/a">a</a></p>',
    )
    expect(d.removedTags).toEqual([['iframe', 1]])
    expect(d.removedAttributes).toEqual([
      ['p onclick', 1],
      ['a target', 1],
    ])
    expect(d.sameForReader).toBe(false)
  })

  it('sees autop, self-closing spelling, quoting and entity spelling as the same for a reader', () => {
    const d = htmlDifference(
      'Line one<br>line two\n\n<img src=\'a.png\' alt="A &amp; B">',
      '<p>Line one<br />\nline two</p>\n<img src="a.png" alt="A &#38; B" />',
    )
    expect(d.sameForReader).toBe(true)
  })
})

describe('the kept-vs-sent report', () => {
  it('says nothing when the server kept everything (the negative control)', () => {
    const sent = {
      input: { title: 'Hello', description: '<p>Hi</p>', categories: ['Notes'], slug: 'hello' },
      publish: true,
    }
    expect(keptReport(sent, snapshot({}), 'WordPress', now).notes).toEqual([])
  })

  it('warns of a dropped category and filtered HTML, naming them', () => {
    const sent = {
      input: {
        title: 'Hello',
        description: '<p onclick="x()">Hi<iframe src="v"></iframe></p>',
        categories: ['Notes', 'Paris Life'],
      },
      publish: true,
    }
    const notes = keptReport(sent, snapshot({}), 'WordPress', now).notes
    expect(notes).toEqual([
      {
        field: 'body',
        level: 'warning',
        text: 'WordPress removed an <iframe> and an `onclick` attribute (on <p>) from the body — your account may not post unfiltered HTML.',
      },
      { field: 'categories', level: 'warning', text: 'WordPress dropped the category ‘Paris Life’.' },
    ])
  })

  it('does not blame the role when only scripts were taken out', () => {
    const sent = { input: { title: 'Hello', description: '<p>Hi</p><script>x()</script>' }, publish: true }
    expect(keptReport(sent, snapshot({ categories: [] }), 'The blog', now).notes.map((n) => n.text)).toEqual([
      'The blog removed a <script> from the body — the blog does not keep scripts for your account.',
    ])
  })

  it('shows routine rewrites as information only', () => {
    const sent = {
      input: { title: 'Fish & Chips <3', description: 'Hi\n\nthere', slug: 'Fish & Chips', categories: [] },
      publish: true,
    }
    const kept = snapshot({
      title: 'Fish &amp; Chips &lt;3',
      description: '<p>Hi</p>\n<p>there</p>',
      slug: 'fish-chips',
      categories: ['Uncategorized'],
    })
    const notes = keptReport(sent, kept, 'WordPress', now).notes
    expect(notes.map((n) => [n.field, n.level])).toEqual([
      ['title', 'info'],
      ['body', 'info'],
      ['categories', 'info'],
      ['slug', 'info'],
    ])
  })

  it('warns when the post was kept pending instead of published, but not when a scheduled one went live', () => {
    const sent = { input: { title: 'Hello', description: '<p>Hi</p>', categories: ['Notes'] }, publish: true }
    expect(keptReport(sent, snapshot({ status: 'pending' }), 'WordPress', now).notes).toEqual([
      { field: 'status', level: 'warning', text: 'WordPress kept the post pending review, not published.' },
    ])
    const scheduled = { ...sent, input: { ...sent.input, date: { wall: '2026-07-01T09:00', zone: 'UTC' } } }
    const at = '2026-07-01T09:00:00.000Z'
    expect(keptReport(scheduled, snapshot({ status: 'future', dateCreated: at }), 'WordPress', now).notes).toEqual([])
  })

  it('warns when a date or a title changed for a reader', () => {
    const sent = {
      input: { title: 'Hello', description: '<p>Hi</p>', date: { wall: '2026-07-01T09:00', zone: 'Europe/Paris' } },
      publish: true,
    }
    const notes = keptReport(
      sent,
      snapshot({ title: 'Bye', dateCreated: '2026-07-01T09:00:00.000Z', status: 'future' }),
      'The blog',
      now,
    ).notes
    expect(notes.map((n) => n.text)).toEqual([
      'The blog kept the title as ‘Bye’, not ‘Hello’.',
      'The blog dated the post 2026-07-01T09:00:00.000Z, not 2026-07-01T07:00:00.000Z.',
    ])
  })
})
