import { TransportError } from '../../xmlrpc/errors'
import { InvalidInputError } from '../invalid-input-error'
import { fetchPage, type PageFetchOptions } from './fetch-page'
import { editUriOf, pickApi, rsdApis } from './rsd'

export interface DiscoveredEndpoint {
  /** The XML-RPC endpoint to use. */
  endpoint: string
  /** 'rsd': the home page's EditURI said so; 'guess': <site>/xmlrpc.php; 'given': the URL was one. */
  via: 'rsd' | 'guess' | 'given'
  /** From RSD, when it names one (getUsersBlogs has the authoritative list). */
  blogId: string | null
  engineName: string | null
  apiName: string | null
  /** Why RSD was not used, for the account dialog ("the home page has no EditURI link"). */
  note: string | null
}

const HOME_MAX_BYTES = 1024 * 1024
const RSD_MAX_BYTES = 256 * 1024
// What people paste when they already know the endpoint.
const ENDPOINT_PATH = /\/(xmlrpc\.php|xmlrpc|RPC2|xmlsrv\/xmlrpc\.php|mt-xmlrpc\.cgi)$/i

/**
 * From the site URL a person types to the XML-RPC endpoint: the home page's
 * `<link rel="EditURI">` → its RSD document → the WordPress/MetaWeblog/Blogger apiLink; failing
 * that, `<site>/xmlrpc.php`, WordPress's (and many others') fixed place. An unreachable site is an
 * error (guessing an endpoint on it would only fail later, less clearly).
 */
export async function discoverEndpoint(site: string, opts: PageFetchOptions = {}): Promise<DiscoveredEndpoint> {
  const start = siteUrl(site)
  if (ENDPOINT_PATH.test(start.pathname))
    return { endpoint: start.href, via: 'given', blogId: null, engineName: null, apiName: null, note: null }
  const home = await fetchPage(start.href, HOME_MAX_BYTES, opts)
  const guess = (note: string): DiscoveredEndpoint => ({
    endpoint: new URL('xmlrpc.php', folderOf(home.url)).href,
    via: 'guess',
    blogId: null,
    engineName: null,
    apiName: null,
    note,
  })
  const editUri = editUriOf(home.text, home.url)
  if (!editUri)
    return guess(
      home.status >= 400 ? `the home page answered HTTP ${home.status}` : 'the home page has no EditURI (RSD) link',
    )
  let rsd: { url: string; status: number; text: string }
  try {
    rsd = await fetchPage(editUri, RSD_MAX_BYTES, opts)
  } catch (e) {
    if (e instanceof TransportError && e.code !== 'aborted')
      return guess(`the RSD document ${editUri} could not be read (${e.message})`)
    throw e
  }
  const api = rsd.status < 400 ? pickApi(rsdApis(rsd.text, rsd.url)) : null
  if (!api) return guess(`the RSD document ${editUri} lists no XML-RPC blog API`)
  const engine = /<engineName>\s*([^<]*?)\s*<\/engineName>/i.exec(rsd.text)?.[1] ?? null
  return {
    endpoint: api.apiLink,
    via: 'rsd',
    blogId: api.blogId || null,
    engineName: engine,
    apiName: api.name,
    note: null,
  }
}

function siteUrl(site: string): URL {
  const text = site.trim()
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    throw new InvalidInputError(
      `“${site}” is not a web address. Type the blog's address, such as https://example.com/blog.`,
      'url',
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InvalidInputError(`A blog's address starts with http:// or https://, not ${url.protocol}//.`, 'url')
  url.hash = ''
  return url
}

/** The folder a page is in: /blog → /blog/, /blog/index.php → /blog/. */
function folderOf(pageUrl: string): string {
  const url = new URL(pageUrl)
  url.search = ''
  url.hash = ''
  const last = url.pathname.slice(url.pathname.lastIndexOf('/') + 1)
  if (last !== '' && !/\.[a-z0-9]+$/i.test(last)) url.pathname += '/'
  return url.href
}
