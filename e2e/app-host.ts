import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface RunningHost {
  /** Page URL with the token in its fragment. */
  url: string
  origin: string
  port: number
  token: string
  dataDir: string
  /** Everything the app printed: attached to failing tests. */
  log(): string
  stop(): Promise<void>
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
  const token = new URL(info.url).hash.replace('#token=', '')
  return {
    url: info.url,
    origin: `http://127.0.0.1:${info.port}`,
    port: info.port,
    token,
    dataDir,
    log: () => output,
    stop: () => stop(child, dataDir),
  }
}

async function stop(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))])
    if (child.exitCode === null) child.kill('SIGKILL')
  }
  rmSync(dataDir, { recursive: true, force: true })
}
