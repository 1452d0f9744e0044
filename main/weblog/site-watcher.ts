import { watch, type FSWatcher } from 'node:fs'
import { mkdir } from 'node:fs/promises'

export interface SiteWatcherOptions {
  dir: string
  /** Quiet time after the last change before `run` (Radio upstreamed every 10 s). */
  settleMs: number
  /** One sync; never two at once. */
  run: () => Promise<unknown>
  onError?: (e: unknown) => void
}

export interface SiteWatcher {
  close(): void
  /** Settles when no run is due or running (tests, shutdown). */
  idle(): Promise<void>
}

/**
 * "Upstream on change": watches the site folder (recursively) and runs a sync once changes have
 * settled. Changes during a run lead to one more run after it. Our own temp files ('.' names)
 * are not changes. Off unless the weblog's settings turn it on; the caller decides.
 */
export async function watchSite(o: SiteWatcherOptions): Promise<SiteWatcher> {
  await mkdir(o.dir, { recursive: true })
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | undefined
  let again = false
  let closed = false
  const waiters: (() => void)[] = []
  const settleIfIdle = () => {
    if (!timer && !running) waiters.splice(0).forEach((w) => w())
  }

  const start = () => {
    timer = undefined
    if (closed) return settleIfIdle()
    if (running) return void (again = true)
    running = o
      .run()
      .then(
        () => undefined,
        (e: unknown) => o.onError?.(e),
      )
      .finally(() => {
        running = undefined
        if (again && !closed) {
          again = false
          schedule()
        } else settleIfIdle()
      })
  }
  const schedule = () => {
    if (closed) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(start, o.settleMs)
  }

  const watcher: FSWatcher = watch(o.dir, { recursive: true }, (_event, name) => {
    const path = String(name ?? '')
    if (path.split(/[\\/]/).some((seg) => seg.startsWith('.'))) return
    if (running) again = true
    else schedule()
  })
  watcher.on('error', (e) => o.onError?.(e))

  return {
    close() {
      closed = true
      watcher.close()
      if (timer) clearTimeout(timer)
      timer = undefined
      settleIfIdle()
    },
    idle: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve)
        settleIfIdle()
      }),
  }
}
