import Parser from 'rss-parser'

type Raw = { _?: string; $?: Record<string, string> }

export interface ParsedFeed {
  title?: string
  link?: string
  description?: string
  language?: string
  lastBuildDate?: string
  cloud?: Record<string, string>
  items: {
    title?: string
    link?: string
    guid?: string
    isPermaLink?: string
    pubDate?: string
    isoDate?: string
    description?: string
    categories: string[]
  }[]
}

/** Reads a feed with a maintained third-party parser (rss-parser), keeping the attributes it would drop. */
export async function parseFeed(xml: string): Promise<ParsedFeed> {
  const parser = new Parser<{ cloud?: Raw; lastBuildDate?: string; language?: string }, { guidRaw?: (Raw | string)[] }>(
    {
      customFields: { feed: ['cloud', 'lastBuildDate', 'language'], item: [['guid', 'guidRaw', { keepArray: true }]] },
    },
  )
  const f = await parser.parseString(xml)
  return {
    title: f.title,
    link: f.link,
    description: f.description,
    language: f.language,
    lastBuildDate: f.lastBuildDate,
    cloud: f.cloud?.$,
    items: f.items.map((i) => {
      const guid = i.guidRaw?.[0]
      return {
        title: i.title,
        link: i.link,
        guid: typeof guid === 'string' ? guid : guid?._,
        isPermaLink: typeof guid === 'string' ? undefined : guid?.$?.isPermaLink,
        pubDate: i.pubDate,
        isoDate: i.isoDate,
        description: i.content,
        categories: i.categories ?? [],
      }
    }),
  }
}

/** RFC 822 as RSS 2.0 wants it, with a numeric zone: "Tue, 14 May 2024 09:30:00 +0200". */
export const RFC822_NUMERIC =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/
