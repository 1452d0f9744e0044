import { lossyFetch } from './lossy-fetch'

/**
 * The core's network for a test: real fetch, except that `offline` makes every request fail as a
 * name that does not resolve (what a machine without network sees), and `lose` drops the answers
 * of the calls it names (see lossyFetch). Test-only.
 */
export function testNet() {
  const lose: Parameters<typeof lossyFetch>[0] = []
  const lossy = lossyFetch(lose)
  const net = {
    offline: false,
    lose,
    fetch: (async (input, init) => {
      if (net.offline)
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error('getaddrinfo ENOTFOUND blog.invalid'), { code: 'ENOTFOUND' }),
        })
      return lossy(input, init)
    }) as typeof fetch,
  }
  return net
}

export type TestNet = ReturnType<typeof testNet>
