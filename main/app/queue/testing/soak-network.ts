/**
 * The soak's network: a fetch that fails as "name not resolved" while switched off, the way a
 * train tunnel looks to the app (nothing leaves the machine). Test-only.
 */
export function networkSwitch(inner: typeof fetch = fetch) {
  let down = false
  let outages = 0
  const offline = () =>
    new TypeError('fetch failed', {
      cause: Object.assign(new Error('getaddrinfo ENOTFOUND soak.test'), { code: 'ENOTFOUND' }),
    })
  const wrapped: typeof fetch = async (input, init) => {
    if (down) throw offline()
    return inner(input, init)
  }
  return {
    fetch: wrapped,
    get outages() {
      return outages
    },
    /** Cuts the network for `ms` (real time). */
    cut(ms: number): void {
      if (down) return
      down = true
      outages++
      setTimeout(() => (down = false), ms).unref()
    },
  }
}
