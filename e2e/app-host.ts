import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface RunningHost {
  /**
   * A page URL with a single-use launch token in its fragment: each read is a fresh one, since the
   * page spends it (main/host/sessions.ts).
   */
  readonly url: string
  origin: string
  port: number
  /** A session token of the test's own, for raw API calls. */
  token: string
  dataDir: string
  /** Everything the app printed: attached to failing tests. */
  log(): string
  stop(): Promise<void>
  /** Stops the app and leaves its data folder (benchmarks reuse one). */
  stopKeepingData(): Promise<void>
}

/** Starts `upstream serve` from the built CLI with a fresh data directory (a fresh profile). */
export async function startHost(dataDir = mkdtempSync(join(tmpdir(), 'upstream-e2e-'))): Promise<RunningHost> {
  const child = spawn(process.execPath, ['out/node/cli.mjs', 'serve', '--port', '0', '--data', dataDir, '--json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
  const info = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 20_000)
    child.stdout!.on('data', () => {
      const line = output.split('\n').find((l) => l.startsWith('{"url"'))
      if (line) {
        clearTimeout(timer)
        resolve(JSON.parse(line) as { url: string; port: number })
      }
    })
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)))
  })
  const origin = `http://127.0.0.1:${info.port}`
  const token = await sessionFor(origin, new URL(info.url).hash.replace('#token=', ''))
  // Launch addresses minted ahead, so `url` can stay a plain (synchronous) property read.
  const launches = await Promise.all(Array.from({ length: 8 }, () => mintLaunchUrl(origin, token)))
  return {
    get url() {
      const next = launches.shift()
      if (!next) throw new Error('app-host: out of pre-minted launch addresses; mint more')
      return next
    },
    origin,
    port: info.port,
    token,
    dataDir,
    log: () => output,
    stop: () => stop(child, dataDir),
    stopKeepingData: () => stop(child, undefined),
  }
}

async function sessionFor(origin: string, launch: string): Promise<string> {
  const r = await fetch(`${origin}/api-session`, { method: 'POST', headers: { 'x-upstream-launch': launch } })
  const body = (await r.json()) as { value?: { token: string } }
  if (!body.value) throw new Error(`app-host: the launch token was refused (${r.status})`)
  return body.value.token
}

async function mintLaunchUrl(origin: string, session: string): Promise<string> {
  const r = await fetch(`${origin}/api-launch`, { method: 'POST', headers: { 'x-upstream-token': session } })
  return ((await r.json()) as { value: { url: string } }).value.url
}

async function stop(child: ChildProcess, dataDir: string | undefined): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))])
    if (child.exitCode === null) child.kill('SIGKILL')
  }
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true })
}
