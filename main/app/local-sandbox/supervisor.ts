import type { ChildStart, FromChild } from './child-protocol'
import type { ChildExit, SandboxChild, SandboxLauncher } from './launcher'

/** What the app shows about its Local sandbox (the 'sandbox.state' event). */
export interface SandboxState {
  state: 'running' | 'restarting' | 'stopped'
  /** For people: "Local sandbox stopped: out of memory; restarted". */
  message: string
  endpoint?: string
  /** Restarts since the app started. */
  restarts: number
}

export interface Running {
  port: number
  endpoint: string
  baseUrl: string
  usernum: string
}

export interface SupervisorOptions {
  launch: SandboxLauncher
  start: ChildStart
  onState: (state: SandboxState) => void
  /** After a restart on another port (the old one was taken meanwhile). */
  onMoved?: (running: Running) => void
  /** Wait before restart number `n` (1, 2, …); doubling from ½ s up to 30 s by default. */
  backoffMs?: (n: number) => number
  /** Up this long, a child counts as healthy and the backoff starts afresh. */
  healthyMs?: number
}

export interface Supervised extends Running {
  /** The current child's pid (tests kill it). */
  pid(): number | undefined
  /** Resolves on the next 'running' after a restart. */
  restarted(): Promise<Running>
  close(): Promise<void>
}

/** Why a child ended, in words. V8 prints "heap out of memory" before it aborts. */
export function describeExit(exit: ChildExit): string {
  if (/heap out of memory|Allocation failed/i.test(exit.stderrTail)) return 'out of memory'
  if (exit.signal) return `killed (${exit.signal})`
  return `exited with code ${exit.code}`
}

const defaultBackoff = (n: number) => Math.min(30_000, 500 * 2 ** (n - 1))

/**
 * Runs the Local sandbox in a child and keeps it running: when the child dies it is started again
 * (same folder, same port if still free) after a growing pause, and each change is told through
 * onState. The first start is awaited and its failure thrown, so the app can say why it could not
 * start; later failures are retried.
 */
export async function superviseSandbox(opts: SupervisorOptions): Promise<Supervised> {
  const backoff = opts.backoffMs ?? defaultBackoff
  const healthyMs = opts.healthyMs ?? 60_000
  let closing = false
  let child: SandboxChild | undefined
  let alive = false
  let restarts = 0
  let failuresInARow = 0
  let timer: NodeJS.Timeout | undefined
  let waiters: ((r: Running) => void)[] = []

  const once = (): Promise<{ child: SandboxChild; running: Running; startedAt: number }> =>
    new Promise((resolve, reject) => {
      const c = opts.launch()
      child = c
      let failed: string | undefined
      let ready = false
      alive = true
      c.onMessage((m: FromChild) => {
        if (m.type === 'failed') failed = m.message
        else if (m.type === 'ready') {
          ready = true
          resolve({ child: c, running: m, startedAt: Date.now() })
        }
      })
      c.onExit((exit) => {
        if (child === c) alive = false
        // Before 'ready' the start failed (the caller retries); after it, this is a death to handle.
        if (!ready) reject(new Error(failed ?? `the Local sandbox process ${describeExit(exit)}`))
        else if (child === c) onDeath(exit, running)
      })
      c.send({ ...opts.start, port: running?.port ?? opts.start.port })
    })

  let running: Running | undefined
  let startedAt = 0

  function onDeath(exit: ChildExit, was: Running | undefined): void {
    if (closing || !was) return
    const reason = describeExit(exit)
    if (Date.now() - startedAt >= healthyMs) failuresInARow = 0
    failuresInARow++
    const wait = backoff(failuresInARow)
    opts.onState({
      state: 'restarting',
      message: `Local sandbox stopped: ${reason}; restarting in ${Math.ceil(wait / 1000)} s`,
      endpoint: was.endpoint,
      restarts,
    })
    timer = setTimeout(() => void restart(reason, was), wait)
  }

  async function restart(reason: string, was: Running): Promise<void> {
    if (closing) return
    try {
      const next = await once()
      if (closing) return void next.child.send({ type: 'stop' })
      running = next.running
      startedAt = next.startedAt
      restarts++
      if (running.port !== was.port) opts.onMoved?.(running)
      opts.onState({
        state: 'running',
        message: `Local sandbox stopped: ${reason}; restarted`,
        endpoint: running.endpoint,
        restarts,
      })
      for (const w of waiters.splice(0)) w(running)
    } catch (e) {
      // It died again before it was ready: try again later, with a longer pause.
      if (closing) return
      failuresInARow++
      const wait = backoff(failuresInARow)
      opts.onState({
        state: 'stopped',
        message: `Local sandbox could not restart (${e instanceof Error ? e.message : String(e)}); next try in ${Math.ceil(wait / 1000)} s`,
        endpoint: was.endpoint,
        restarts,
      })
      timer = setTimeout(() => void restart(reason, was), wait)
    }
  }

  const first = await once()
  running = first.running
  startedAt = first.startedAt
  opts.onState({ state: 'running', message: 'Local sandbox running', endpoint: running.endpoint, restarts })

  return {
    get port() {
      return running!.port
    },
    get endpoint() {
      return running!.endpoint
    },
    get baseUrl() {
      return running!.baseUrl
    },
    get usernum() {
      return running!.usernum
    },
    pid: () => child?.pid,
    restarted: () => new Promise((resolve) => waiters.push(resolve)),
    async close() {
      closing = true
      clearTimeout(timer)
      waiters = []
      const c = child
      if (!c || !alive) return
      await new Promise<void>((resolve) => {
        c.onExit(() => resolve())
        c.send({ type: 'stop' })
        // A child too busy (or too broken) to stop on request is ended.
        setTimeout(() => c.kill('SIGKILL'), 5_000).unref()
      })
    },
  }
}
