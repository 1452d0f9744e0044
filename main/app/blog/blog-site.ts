import type { Account, AccountInput } from '../../../shared/model'
import { discoverEndpoint, type DiscoveredEndpoint } from '../../protocols/blog/discover-endpoint'
import { XmlRpcParseError } from '../../xmlrpc/codec-errors'
import { ProtocolError, TransportError } from '../../xmlrpc/errors'
import type { AppContext } from '../core/context'
import { AppFailure, failWith } from '../core/failure'
import { errorOf } from '../queue/error-of'

const GIVE_ENDPOINT =
  'Check the address, or give the XML-RPC endpoint itself (for example https://example.com/xmlrpc.php).'

/**
 * A blog account is added from the site's address: the endpoint is discovered (the home page's
 * RSD link, else <site>/xmlrpc.php) and stored as `url`, the address as `siteUrl`, and the blog RSD
 * names as `blogId` unless one was picked. An edit that keeps the address keeps the endpoint found
 * before (renaming an account needs no network). Other kinds pass through untouched.
 */
export async function withBlogEndpoint(ctx: AppContext, input: AccountInput): Promise<AccountInput> {
  if (input.kind !== 'blog') return input
  const current = input.id === undefined ? undefined : ctx.settings.get().accounts.find((a) => a.id === input.id)
  const given = input.siteUrl?.trim() ? input.siteUrl : input.url
  if (given === undefined || given.trim() === '')
    return failWith('invalid-input', "The blog's address is required (for example https://example.com).", {
      field: 'siteUrl',
    })
  const site = given.trim()
  if (current?.kind === 'blog' && current.siteUrl === site) return { ...input, siteUrl: site, url: current.url }
  const found = await discover(ctx, site)
  if (found.via === 'guess') await checkGuess(ctx, found, site, current)
  const next: AccountInput = { ...input, siteUrl: site, url: found.endpoint }
  // Another site: the blog picked on the old one means nothing there ('' empties it).
  if (input.blogId === undefined || input.blogId === '') next.blogId = found.blogId ?? (current ? '' : undefined)
  return next
}

async function discover(ctx: AppContext, site: string): Promise<DiscoveredEndpoint> {
  try {
    return await discoverEndpoint(site, { fetch: ctx.fetch })
  } catch (e) {
    const error = errorOf(e, { url: site })
    throw new AppFailure({
      ...error,
      message: `Upstream could not read ${site} to find its XML-RPC endpoint: ${error.message} ${GIVE_ENDPOINT}`,
      details: { ...error.details, field: 'siteUrl' },
    })
  }
}

/** A guessed endpoint is tried once: a page that is not XML-RPC at all would only fail later, less clearly. */
async function checkGuess(
  ctx: AppContext,
  found: DiscoveredEndpoint,
  site: string,
  current: Account | undefined,
): Promise<void> {
  const client = await ctx.clientFor({
    id: current?.id ?? 'new-blog-account',
    kind: 'blog',
    name: current?.name ?? site,
    url: found.endpoint,
    username: '',
  })
  try {
    await client.call('system.listMethods', [], { timeoutMs: 20_000 })
  } catch (e) {
    // A fault, or a block in front of it (403), still means this is the blog's endpoint; a page
    // that is not there, or refuses POST (405: a static site), does not.
    const missing =
      (e instanceof TransportError && e.code === 'http' && [404, 405, 410].includes(e.status ?? 0)) ||
      e instanceof ProtocolError ||
      e instanceof XmlRpcParseError
    if (missing)
      failWith(
        'not-found',
        `No XML-RPC endpoint was found for ${site}: ${found.note ?? 'discovery failed'}, and ${found.endpoint} does not answer XML-RPC. ${GIVE_ENDPOINT}`,
        { field: 'siteUrl', endpoint: found.endpoint },
      )
  }
}
