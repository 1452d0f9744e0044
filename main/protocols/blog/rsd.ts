import { startTags, tagAttributes } from './tag-attributes'

/** One <api> of an RSD document (Really Simple Discovery 1.0). */
export interface RsdApi {
  name: string
  apiLink: string
  blogId: string
  preferred: boolean
}

// The APIs spoken over XML-RPC, in the order we'd pick them: all share one endpoint on WordPress.
const XMLRPC_APIS = ['wordpress', 'metaweblog', 'movable type', 'movabletype', 'blogger']

/** The `href` of the home page's `<link rel="EditURI">`, resolved against the page's URL. */
export function editUriOf(html: string, pageUrl: string): string | null {
  const base = startTags(html, 'base')
    .map(tagAttributes)
    .find((a) => a.href)?.href
  for (const attrs of startTags(html, 'link').map(tagAttributes)) {
    const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/)
    if (rels.includes('edituri') && attrs.href)
      return resolve(attrs.href, base ? (resolve(base, pageUrl) ?? pageUrl) : pageUrl)
  }
  return null
}

/** The XML-RPC APIs an RSD document lists, apiLink resolved against the RSD's own URL. */
export function rsdApis(xml: string, rsdUrl: string): RsdApi[] {
  return startTags(xml, 'api')
    .map(tagAttributes)
    .flatMap((a) => {
      const apiLink = a.apilink ? resolve(a.apilink, rsdUrl) : null
      return apiLink
        ? [
            {
              name: a.name ?? '',
              apiLink,
              blogId: a.blogid ?? '',
              preferred: (a.preferred ?? '').toLowerCase() === 'true',
            },
          ]
        : []
    })
    .filter((api) => XMLRPC_APIS.includes(api.name.toLowerCase()))
}

/** The API to use: the preferred one among the XML-RPC APIs, else by our order. */
export function pickApi(apis: RsdApi[]): RsdApi | null {
  const rank = (a: RsdApi) => XMLRPC_APIS.indexOf(a.name.toLowerCase()) - (a.preferred ? XMLRPC_APIS.length : 0)
  return [...apis].sort((a, b) => rank(a) - rank(b))[0] ?? null
}

function resolve(href: string, base: string): string | null {
  try {
    const url = new URL(href.trim(), base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}
