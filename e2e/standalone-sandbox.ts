import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A second, standalone sandbox (`upstream sandbox`, the built CLI): a real server the tests start,
 * kill and start again on the same port and data folder, with members whose passwords they know.
 */
export interface StandaloneSandbox {
  port: number
  dir: string
  endpoint: string
  running(): boolean
  start(): Promise<void>
  stop(): Promise<void>
  /** Stops it and deletes its data. */
  dispose(): Promise<void>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

export async function standaloneSandbox(opts: {
  users: string[]
  groups?: string[]
  port?: number
  start?: boolean
}): Promise<StandaloneSandbox> {
  const port = opts.port ?? (await freePort())
  const dir = mkdtempSync(join(tmpdir(), 'upstream-e2e-sbx-'))
  const endpoint = `http://127.0.0.1:${port}/RPC2`
  let child: ChildProcess | null = null
  const args = [
    'out/node/cli.mjs',
    'sandbox',
    '--port',
    String(port),
    '--data',
    dir,
    '--json',
    ...opts.users.flatMap((u) => ['--user', u]),
    ...(opts.groups ?? []).flatMap((g) => ['--group', g]),
  ]

  const sandbox: StandaloneSandbox = {
    port,
    dir,
    endpoint,
    running: () => child !== null && child.exitCode === null,
    async start() {
      if (sandbox.running()) return
      const c = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
      child = c
      let output = ''
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`sandbox did not start:\n${output}`)), 15_000)
        const onData = (d: Buffer) => {
          output += d.toString()
          if (output.includes('"endpoint"')) {
            clearTimeout(timer)
            resolve()
          }
        }
        c.stdout!.on('data', onData)
        c.stderr!.on('data', onData)
        c.once('exit', (code) => (clearTimeout(timer), reject(new Error(`sandbox exited with ${code}:\n${output}`))))
      })
    },
    async stop() {
      const c = child
      child = null
      if (!c || c.exitCode !== null) return
      const exited = new Promise((r) => c.once('exit', r))
      c.kill('SIGKILL') // a crash, as far as the app can tell: the port refuses at once
      await exited
    },
    async dispose() {
      await sandbox.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  if (opts.start !== false) await sandbox.start()
  return sandbox
}

/**
 * A second client: the built CLI's `call` (a real XML-RPC client, not the app under test). Args
 * are typed JSON values; the answer comes back as typed JSON.
 */
export function rpc(endpoint: string, method: string, ...params: unknown[]): unknown {
  const r = spawnSync(
    process.execPath,
    ['out/node/cli.mjs', 'call', endpoint, method, ...params.map((p) => JSON.stringify(p))],
    { encoding: 'utf8' },
  )
  if (r.status !== 0) throw new Error(`upstream call ${method} failed (${r.status}): ${r.stdout}${r.stderr}`)
  return JSON.parse(r.stdout)
}
