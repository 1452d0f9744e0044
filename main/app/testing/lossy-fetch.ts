/**
 * A fetch that loses the answer to some calls, the way a dropped connection does: `after` lets
 * the request reach the server and be carried out, then fails as a reset; `before` fails as a
 * reset without sending anything (which the client cannot tell apart); `pass` leaves a call alone.
 * Test-only.
 */
export function lossyFetch(plan: { method: string; when: 'after' | 'before' | 'pass' }[]): typeof fetch {
  const reset = () =>
    new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) })
  return async (input, init) => {
    const body = init?.body instanceof Uint8Array ? Buffer.from(init.body).toString('utf8') : ''
    const i = plan.findIndex((p) => body.includes(`<methodName>${p.method}</methodName>`))
    if (i < 0) return fetch(input, init)
    const [{ when }] = plan.splice(i, 1)
    if (when === 'pass') return fetch(input, init)
    if (when === 'before') throw reset()
    const res = await fetch(input, init)
    await res.arrayBuffer() // the server has answered: it did the work
    throw reset()
  }
}
