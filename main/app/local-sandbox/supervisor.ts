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
  /** Each time a child is ready: the first start, and restarts (the port may have moved). */
  onRunning?: (running: Running, first: boolean) => void
  /** Wait before retry number `n` (1, 2, …); doubling from ½ s up to 30 s by default. */
  backoffMs?: (n: number) => number
  /** Up this long, a child counts as healthy and the backoff starts afresh. */
  healthyMs?: number
}

export interface Supervised {
  /** The running child's address; undefined while it is down (it has not started yet, or died). */
  running(): Running | undefined
  /** The current child's pid (tests kill it). */
  pid(): number | undefined
  /** Resolves on the next 'running' after a death (tests). */
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
const say = (e: unknown) => (e instanceof Error ? e.message : String(e))

/**
 * Runs the Local sandbox in a child and keeps it running: when the child dies it is started again
 * (same folder, same port if still free) after a growing pause, and each change is told through
 * onState. Resolves once the first start has succeeded or failed: a sandbox that cannot start
 * (its port, its folder held by another process) never stops the app; it is retried the same way.
 */
export async function superviseSandbox(opts: SupervisorOptions): Promise<Supervised> {
  const backoff = opts.backoffMs ?? defaultBackoff
  const healthyMs = opts.healthyMs ?? 60_000
  let closing = false
  let child: SandboxChild | undefined
  let alive = false
  let running: Running | undefined
  /** Has a child ever been ready? (Until then a retry is a start, not a restart.) */
  let ever = false
  let lastPort = opts.start.port
  let startedAt = 0
  let restarts = 0
  let failuresInARow = 0
  let timer: NodeJS.Timeout | undefined
  let waiters: ((r: Running) => void)[] = []

  /** One child, up to 'ready' (resolves) or its death before that (rejects). */
  const spawnOne = (): Promise<Running> =>
    new Promise((resolve, reject) => {
      const c = opts.launch()
      child = c
      alive = true
      let failed: string | undefined
      let ready = false
      c.onMessage((m: FromChild) => {
        if (m.type === 'failed') failed = m.message
        else if (m.type === 'ready') {
          ready = true
          resolve(m)
        }
      })
      c.onExit((exit) => {
        if (child === c) alive = false
        if (!ready) reject(new Error(failed ?? `the process ${describeExit(exit)}`))
        else if (child === c && !closing) died(describeExit(exit))
      })
      c.send({ ...opts.start, port: lastPort })
    })

  function died(reason: string): void {
    const was = running
    running = undefined
    if (Date.now() - startedAt >= healthyMs) failuresInARow = 0
    retryLater(reason, (wait) => ({
      state: 'restarting',
      message: `Local sandbox stopped: ${reason}; restarting in ${Math.ceil(wait / 1000)} s`,
      endpoint: was?.endpoint,
      restarts,
    }))
  }

  function retryLater(reason: string, state: (waitMs: number) => SandboxState): void {
    failuresInARow++
    const wait = backoff(failuresInARow)
    opts.onState(state(wait))
    timer = setTimeout(() => void attempt(reason), wait)
  }

  /** Starts a child; `after` is the reason for a restart (undefined: the first start). */
  async function attempt(after?: string): Promise<void> {
    if (closing) return
    try {
      const r = await spawnOne()
      if (closing) return void child?.send({ type: 'stop' })
      running = r
      lastPort = r.port
      startedAt = Date.now()
      const restart = ever
      ever = true
      if (restart) restarts++
      opts.onRunning?.(r, after === undefined)
      opts.onState({
        state: 'running',
        message: restart ? `Local sandbox stopped: ${after}; restarted` : 'Local sandbox running',
        endpoint: r.endpoint,
        restarts,
      })
      for (const w of waiters.splice(0)) w(r)
    } catch (e) {
      if (closing) return
      const reason = after ?? 'it could not start'
      retryLater(reason, (wait) => ({
        state: 'stopped',
        message: `Local sandbox could not ${ever ? 'restart' : 'start'} (${say(e)}); next try in ${Math.ceil(wait / 1000)} s`,
        restarts,
      }))
    }
  }

  await attempt()
  return {
    running: () => running,
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
