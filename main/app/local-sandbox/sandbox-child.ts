/**
 * The Local sandbox's own process (bundled to out/node/sandbox-child.mjs and
 * out/electron/sandbox-child.cjs): whatever exhausts its memory, file handles or event loop takes
 * only this process down, and the app's supervisor (./supervisor.ts) starts it again. It speaks
 * ./child-protocol.ts over Node's fork IPC, or Electron's utilityProcess parentPort.
 */
import { Server } from 'node:net'
import { startSandbox, type Sandbox } from '../../sandbox/sandbox'
import type { ChildStart, FromChild, ToChild } from './child-protocol'

interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

const parentPort = (process as { parentPort?: ParentPort }).parentPort
const send = (m: FromChild) => (parentPort ? parentPort.postMessage(m) : process.send?.(m))

let sandbox: Sandbox | undefined
const hoard: unknown[] = []

async function start(m: ChildStart): Promise<void> {
  // Every server in this process is the sandbox's, so the cap on Server.prototype bounds them all
  // (Node checks `maxConnections` on each accepted socket; instances inherit this default).
  ;(Server.prototype as { maxConnections?: number }).maxConnections = m.maxConnections
  try {
    sandbox = await startSandbox({
      dir: m.dir,
      port: m.port,
      fallbackToFreePort: true,
      limits: m.limits,
      users: [m.member],
    })
    const member = sandbox.members.byEmail(m.member.email)!
    send({
      type: 'ready',
      port: sandbox.port,
      endpoint: sandbox.endpoint,
      baseUrl: sandbox.baseUrl,
      usernum: member.usernum,
    })
  } catch (e) {
    send({ type: 'failed', message: e instanceof Error ? e.message : String(e) })
    process.exit(1)
  }
}

function receive(m: ToChild): void {
  if (m.type === 'start') void start(m)
  else if (m.type === 'stop') void (sandbox?.close() ?? Promise.resolve()).finally(() => process.exit(0))
  else if (m.type === 'test-exhaust-memory' && process.env.UPSTREAM_SANDBOX_TEST_HOOKS === '1') {
    // Grows the heap until V8 gives up, as a hostile request that is held in memory would.
    for (;;) hoard.push(new Array(1e5).fill({ n: hoard.length }))
  }
}

// Imported by something that is not our parent (the electron-boundary probe loads every module):
// do nothing, and keep nothing alive.
if (parentPort) parentPort.on('message', (e) => receive(e.data as ToChild))
else if (process.send) {
  process.on('message', (m) => receive(m as ToChild))
  // The app went away without saying stop (it crashed, or was killed): don't linger holding the port.
  process.on('disconnect', () => void (sandbox?.close() ?? Promise.resolve()).finally(() => process.exit(0)))
}
