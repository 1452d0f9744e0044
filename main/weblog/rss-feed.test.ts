import { describe, expect, it } from 'vitest'
import { keepBuildDate, rssFeed, type Feed } from './rss-feed'
import { parseFeed, RFC822_NUMERIC } from './testing/parse-feed'

const feed = (more: Partial<Feed> = {}): Feed => ({
  title: 'Notes & <Asides>',
  link: 'http://127.0.0.1:5337/users/0000001/index.html',
  description: 'A weblog',
  language: 'de-CH',
  lastBuildDate: new Date('2024-05-15T10:00:00Z'),
  timeZone: 'Europe/Berlin',
  cloud: { domain: '127.0.0.1', port: 5337, path: '/RPC2' },
  items: [
    {
      title: 'Second',
      url: 'http://127.0.0.1:5337/users/0000001/my@20file.html',
      date: new Date('2024-05-15T07:30:00Z'),
      html: '<p>Two &amp; more</p>',
      categories: ['news', 'a & b'],
    },
    {
      title: 'First \u0001',
      url: 'http://127.0.0.1:5337/users/0000001/2024/01/31/first.html',
      date: new Date('2024-01-31T23:30:00Z'),
      html: '<p>One</p>',
      categories: [],
    },
  ],
  ...more,
})

describe('the RSS 2.0 feed, read back by rss-parser', () => {
  it('has every channel and item element with the links given and dates in the explicit zone', async () => {
    const f = await parseFeed(rssFeed(feed()))
    expect(f).toMatchObject({
      title: 'Notes & <Asides>',
      link: 'http://127.0.0.1:5337/users/0000001/index.html',
      description: 'A weblog',
      language: 'de-CH',
    })
    expect(f.lastBuildDate).toBe('Wed, 15 May 2024 12:00:00 +0200')
    expect(f.lastBuildDate).toMatch(RFC822_NUMERIC)
    expect(f.items).toHaveLength(2)
    expect(f.items[0]).toMatchObject({
      title: 'Second',
      link: 'http://127.0.0.1:5337/users/0000001/my@20file.html',
      guid: 'http://127.0.0.1:5337/users/0000001/my@20file.html',
      isPermaLink: 'true',
      pubDate: 'Wed, 15 May 2024 09:30:00 +0200',
      isoDate: '2024-05-15T07:30:00.000Z',
      description: '<p>Two &amp; more</p>',
      categories: ['news', 'a & b'],
    })
    // Winter time, and a character XML cannot carry dropped rather than breaking the feed.
    expect(f.items[1]).toMatchObject({ title: 'First ', pubDate: 'Thu, 01 Feb 2024 00:30:00 +0100', categories: [] })
  })

  it('names the server’s rssPleaseNotify in <cloud> only when the server offers it', async () => {
    expect((await parseFeed(rssFeed(feed()))).cloud).toEqual({
      domain: '127.0.0.1',
      port: '5337',
      path: '/RPC2',
      registerProcedure: 'xmlStorageSystem.rssPleaseNotify',
      protocol: 'xml-rpc',
    })
    expect((await parseFeed(rssFeed(feed({ cloud: null })))).cloud).toBeUndefined()
  })

  it('keeps the previous lastBuildDate (and bytes) while nothing else changed', () => {
    const before = rssFeed(feed())
    const later = rssFeed(feed({ lastBuildDate: new Date('2024-06-01T00:00:00Z') }))
    expect(keepBuildDate(before, later)).toBe(before)
    const changed = rssFeed(feed({ lastBuildDate: new Date('2024-06-01T00:00:00Z'), title: 'Renamed' }))
    expect(keepBuildDate(before, changed)).toBe(changed)
    expect(keepBuildDate(undefined, later)).toBe(later)
  })
})
