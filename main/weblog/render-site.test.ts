import { describe, expect, it } from 'vitest'
import { DEFAULT_TEMPLATES } from './default-templates'
import type { Post } from './post'
import { renderSite } from './render-site'
import { compileTemplate } from './template-engine'
import { defaultWeblogConfig } from './weblog-config'

const post = (id: string, date: string, more: Partial<Post> = {}): Post => ({
  id,
  title: `Title ${id}`,
  body: `Body of ${id}`,
  format: 'text',
  date,
  categories: [],
  updatedAt: date,
  ...more,
})
const templates = {
  home: compileTemplate(DEFAULT_TEMPLATES.home, 'home'),
  post: compileTemplate(DEFAULT_TEMPLATES.post, 'post'),
  archive: compileTemplate(DEFAULT_TEMPLATES.archive, 'archive'),
}
const urlOf = (path: string) => `http://server/u/${path.replace(/ /g, '@20')}`

describe('renderSite', () => {
  const posts = [
    post('a', '2024-01-31T23:30:00Z', { title: 'Late & January', categories: ['news', 'misc'] }), // February in Berlin
    post('b', '2024-05-14T07:30:00Z', { format: 'markdown', body: 'Some *emphasis* and <span class="x">html</span>' }),
    post('c', '2024-05-15T07:30:00Z', { format: 'html', body: '<p>Raw <b>html</b></p>', path: 'my file.html' }),
    post('d', '2024-05-15T07:30:00Z', { title: 'Late & January', body: 'Same title, same day as nothing else' }),
  ]
  const config = { ...defaultWeblogConfig('Weblog', 'Europe/Berlin'), homePostCount: 2 }
  const site = renderSite({ posts, config, templates, urlOf, cloud: null, now: new Date('2024-06-01T00:00:00Z') })

  it('puts each post at its permalink: its own path, else its date in the weblog’s zone and a slug', () => {
    expect([...site.files.keys()].sort()).toEqual(
      [
        '2024/02/01/late-january.html',
        '2024/02/index.html',
        '2024/05/15/late-january.html',
        '2024/05/14/title-b.html',
        '2024/05/index.html',
        'index.html',
        'my file.html',
        'rss.xml',
      ].sort(),
    )
  })

  it('shows the latest posts on the home page, newest first, linked by the URLs given', () => {
    const home = site.files.get('index.html')!
    expect(home).toContain('<a href="http://server/u/my@20file.html">Title c</a>')
    expect(home).toContain('<a href="http://server/u/2024/05/15/late-january.html">Late &amp; January</a>')
    expect(home).not.toContain('Title b') // only homePostCount posts
    expect(home.indexOf('Title c')).toBeLessThan(home.indexOf('Late &amp; January'))
    expect(home).toContain('href="http://server/u/2024/02/index.html">February 2024</a> (1)')
    expect(home).toContain('href="http://server/u/2024/05/index.html">May 2024</a> (3)')
  })

  it('renders each format: Markdown, HTML as is, text escaped; dates and categories in the post page', () => {
    expect(site.files.get('2024/05/14/title-b.html')).toContain(
      '<p>Some <em>emphasis</em> and <span class="x">html</span></p>',
    )
    expect(site.files.get('my file.html')).toContain('<p>Raw <b>html</b></p>')
    const a = site.files.get('2024/02/01/late-january.html')!
    expect(a).toContain('<p>Body of a</p>')
    expect(a).toContain('<time datetime="2024-02-01T00:30:00+01:00">1 February 2024, 00:30</time>')
    expect(a).toContain('Filed under <span>news</span><span>misc</span>')
    expect(site.files.get('2024/05/14/title-b.html')).not.toContain('Filed under')
  })

  it('lists a month’s posts in its archive, and records every link it made', () => {
    const may = site.files.get('2024/05/index.html')!
    expect(may).toContain('<h2>May 2024</h2>')
    for (const t of ['Title b', 'Title c', 'Late &amp; January']) expect(may).toContain(t)
    expect(site.files.get('2024/02/index.html')).not.toContain('Title b')
    expect(site.links.get('my file.html')).toBe('http://server/u/my@20file.html')
    expect(site.links.get('rss.xml')).toBe('http://server/u/rss.xml')
  })
})
