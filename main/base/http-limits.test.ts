import { connect, type AddressInfo, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createLimitedServer, limitConnections, malformedPercent } from './http-limits'

const closers: (() => void)[] = []
afterEach(() => closers.splice(0).forEach((c) => c()))

async function server(limits: Parameters<typeof limitConnections>[1]) {
  const s = createLimitedServer((_req, res) => res.end('ok'), limits)
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  closers.push(() => s.close())
  closers.push(() => s.closeAllConnections())
  return { port: (s.address() as AddressInfo).port, server: s }
}

const open = (port: number) =>
  new Promise<Socket>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket))
    socket.once('error', reject)
    closers.push(() => socket.destroy())
  })
const closed = (s: Socket) => new Promise<void>((r) => (s.closed ? r() : s.once('close', () => r())))

describe('connection limits', () => {
  it('closes a socket that sends nothing, and one that trickles its headers', async () => {
    const { port } = await server({ idleMs: 300, headersMs: 400 })
    const silent = await open(port)
    const trickle = await open(port)
    trickle.write('GET / HTTP/1.1\r\n')
    const beat = setInterval(() => trickle.writable && trickle.write('X-A: b\r\n'), 100)
    await Promise.all([closed(silent), closed(trickle)])
    clearInterval(beat)
  })

  it('refuses sockets beyond maxConnections, and serves again once they go', async () => {
    const { port, server: s } = await server({ maxConnections: 3 })
    const held = await Promise.all([open(port), open(port), open(port)])
    const extra = await open(port)
    await closed(extra) // the server dropped it
    held.forEach((s) => s.destroy())
    await Promise.all(held.map(closed))
    // The server counts a socket gone when its own end closes.
    while ((await new Promise<number>((r) => s.getConnections((_e, n) => r(n)))) > 0)
      await new Promise((r) => setTimeout(r, 10))
    const r = await fetch(`http://127.0.0.1:${port}/`)
    expect(await r.text()).toBe('ok')
  })
})

describe('malformedPercent', () => {
  it.each([
    ['/a%zz', true],
    ['/%', true],
    ['/%E0%A4%A', true],
    ['/%ff', true],
    ['/a%20b?q=%zz', false],
    ['/caf%C3%A9', false],
    [undefined, false],
  ])('%s → %s', (target, bad) => expect(malformedPercent(target)).toBe(bad))
})
