import { struct, type XmlRpcStruct } from '../xmlrpc/values'
import type { Blog, BlogPost } from './blog-store'
import { utcDateTime } from './params'

/** Where a blog's pages are published in its owner's web space (FileStore 'webhost'). */
export const BLOG_FOLDER = 'blog'
export const postPagePath = (p: BlogPost): string => `${BLOG_FOLDER}/posts/${p.slug}.html`

export interface BlogUrls {
  /** http://127.0.0.1:PORT/webhost/USERNUM/blog/ */
  home: string
  post(p: BlogPost): string
}

/**
 * A post as WordPress's metaWeblog.getPost shapes it: ids as strings, categories by name, tags as
 * one comma-separated string, the body split at <!--more--> into description and mt_text_more,
 * a scheduled post reported as "publish", and the date twice (the sandbox's wall clock is UTC, so both read the same).
 */
export function postStructOf(p: BlogPost, blog: Blog, urls: BlogUrls): XmlRpcStruct {
  const more = /<!--more(.*?)?-->/.exec(p.content)
  const link = p.status === 'publish' ? urls.post(p) : `${urls.home}?p=${p.id}`
  return struct({
    dateCreated: utcDateTime(p.date),
    userid: blog.id,
    postid: String(p.id),
    description: more ? p.content.slice(0, more.index) : p.content,
    title: p.title,
    link,
    permaLink: link,
    categories: p.categoryIds.flatMap((id) => blog.categories.filter((c) => c.id === id).map((c) => c.name)),
    mt_excerpt: p.excerpt,
    mt_text_more: more ? p.content.slice(more.index + more[0].length) : '',
    wp_more_text: more?.[1]?.trim() ?? '',
    mt_keywords: p.tags.join(','),
    wp_slug: p.slug,
    wp_author_id: blog.id,
    wp_author_display_name: blog.owner,
    date_created_gmt: utcDateTime(p.date),
    // WordPress's quirk, kept: "Consider future posts as published." Only the date tells them apart.
    post_status: p.status === 'future' ? 'publish' : p.status,
    wp_password: p.password ?? '',
    sticky: p.sticky ?? false,
    date_modified: utcDateTime(p.modified),
    date_modified_gmt: utcDateTime(p.modified),
  })
}
