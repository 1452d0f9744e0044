import { rfc822 } from './date-format'
import { escapeXml } from './escape'
import type { RssCloud } from './site-urls'

export interface FeedItem {
  title: string
  /** The permalink, as the server returned it; also the guid. */
  url: string
  date: Date
  html: string
  categories: string[]
}

export interface Feed {
  title: string
  /** The home page's URL. */
  link: string
  description: string
  language: string
  lastBuildDate: Date
  /** The account's explicit zone: every date is written with its offset. */
  timeZone: string
  /** Present when the server offers xmlStorageSystem.rssPleaseNotify. */
  cloud: RssCloud | null
  items: FeedItem[]
}

export const RSS_CLOUD_PROCEDURE = 'xmlStorageSystem.rssPleaseNotify'

/** An RSS 2.0 document (cyber.harvard.edu/rss/rss.html): descriptions carry the posts' HTML, escaped. */
export function rssFeed(feed: Feed): string {
  const el = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0">',
    '<channel>',
    el('title', feed.title),
    el('link', feed.link),
    el('description', feed.description),
    el('language', feed.language),
    el('lastBuildDate', rfc822(feed.lastBuildDate, feed.timeZone)),
    el('generator', 'Upstream'),
    el('docs', 'https://cyber.harvard.edu/rss/rss.html'),
  ]
  if (feed.cloud) {
    const c = feed.cloud
    lines.push(
      `<cloud domain="${escapeXml(c.domain)}" port="${c.port}" path="${escapeXml(c.path)}" registerProcedure="${RSS_CLOUD_PROCEDURE}" protocol="xml-rpc"/>`,
    )
  }
  for (const item of feed.items) {
    lines.push(
      '<item>',
      el('title', item.title),
      el('link', item.url),
      `<guid isPermaLink="true">${escapeXml(item.url)}</guid>`,
      el('pubDate', rfc822(item.date, feed.timeZone)),
      el('description', item.html),
    )
    for (const c of item.categories) lines.push(el('category', c))
    lines.push('</item>')
  }
  lines.push('</channel>', '</rss>', '')
  return lines.join('\n')
}

const BUILD_DATE = /<lastBuildDate>[^<]*<\/lastBuildDate>/

/**
 * lastBuildDate is when the channel's content last changed, so a render that changes nothing else
 * keeps the previous feed byte for byte — otherwise every sync would upload the feed again.
 */
export function keepBuildDate(previous: string | undefined, next: string): string {
  if (previous === undefined) return next
  return previous.replace(BUILD_DATE, '') === next.replace(BUILD_DATE, '') ? previous : next
}
