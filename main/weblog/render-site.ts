import { displayDate, isoInZone, monthLabel } from './date-format'
import type { TemplateName } from './default-templates'
import type { Post } from './post'
import { postHtml } from './post-html'
import { rssFeed } from './rss-feed'
import { FEED_PATH, HOME_PATH, monthKey, monthPath, postPaths } from './site-layout'
import type { RssCloud, UrlOf } from './site-urls'
import type { Template } from './template-engine'
import type { WeblogConfig } from './weblog-config'

export interface RenderInput {
  posts: readonly Post[]
  config: WeblogConfig
  templates: Record<TemplateName, Template>
  urlOf: UrlOf
  cloud: RssCloud | null
  now: Date
}

export interface RenderedSite {
  /** Site path → the bytes to put there. */
  files: Map<string, string>
  /** Every site path a link was made to, with the URL used: the sync checks these against the server's. */
  links: Map<string, string>
}

interface PostView {
  id: string
  title: string
  url: string
  html: string
  date: string
  isoDate: string
  categories: { name: string }[]
  month: string
  time: number
}

/** The whole weblog: home page, one page per post, monthly archives, and the RSS feed. */
export function renderSite(input: RenderInput): RenderedSite {
  const { config, templates } = input
  const zone = config.timeZone
  const links = new Map<string, string>()
  const link = (path: string) => {
    const url = input.urlOf(path)
    links.set(path, url)
    return url
  }
  const paths = postPaths(input.posts, zone)
  const views: PostView[] = input.posts
    .map((p) => {
      const date = new Date(p.date)
      return {
        id: p.id,
        title: p.title,
        url: link(paths.get(p.id)!),
        html: postHtml(p),
        date: displayDate(date, zone),
        isoDate: isoInZone(date, zone),
        categories: p.categories.map((name) => ({ name })),
        month: monthKey(date, zone),
        time: date.getTime(),
      }
    })
    .sort((a, b) => b.time - a.time || a.id.localeCompare(b.id))
  const months = [...new Set(views.map((v) => v.month))].map((key) => ({
    key,
    label: monthLabel(Number(key.slice(0, 4)), Number(key.slice(5))),
    url: link(monthPath(key)),
    count: views.filter((v) => v.month === key).length,
  }))
  const weblog = {
    title: config.title,
    description: config.description,
    language: config.language,
    url: link(HOME_PATH),
    feedUrl: link(FEED_PATH),
  }
  const common = { weblog, months, generator: 'Upstream' }

  const files = new Map<string, string>()
  files.set(HOME_PATH, templates.home.render({ ...common, posts: views.slice(0, config.homePostCount) }))
  for (const v of views) files.set(paths.get(v.id)!, templates.post.render({ ...common, post: v }))
  for (const m of months)
    files.set(
      monthPath(m.key),
      templates.archive.render({ ...common, month: m, posts: views.filter((v) => v.month === m.key) }),
    )
  const feedItems = views.slice(0, config.feedItemCount)
  files.set(
    FEED_PATH,
    rssFeed({
      title: config.title,
      link: weblog.url,
      description: config.description,
      language: config.language,
      lastBuildDate: input.now,
      timeZone: zone,
      cloud: input.cloud,
      items: feedItems.map((v) => ({
        title: v.title,
        url: v.url,
        date: new Date(v.time),
        html: v.html,
        categories: v.categories.map((c) => c.name),
      })),
    }),
  )
  return { files, links }
}
