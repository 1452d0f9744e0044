import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

/** The built CLI (npm test builds before it runs the tests). */
export const builtCli = fileURLToPath(new URL('../../../out/node/cli.mjs', import.meta.url))

export interface ServeProcess {
  origin: string
  pid: number
  /** One contract call over the host's HTTP API with this test's session. */
  call<T = unknown>(channel: string, input?: unknown): Promise<{ ok: true; value: T } | { ok: false; error: unknown }>
  /** Presses Enter in its terminal: answers the fresh launch address it prints. */
  freshLaunchUrl(): Promise<string>
  stop(): Promise<number | null>
}

/** A real `upstream serve --json` process on `dataDir`, with a session from its launch address. */
export async function startServe(dataDir: string): Promise<ServeProcess> {
  const child: ChildProcess = spawn(process.execPath, [builtCli, 'serve', '--port', '0', '--data', dataDir, '--json'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let errors = ''
  child.stderr!.on('data', (d: Buffer) => (errors += d.toString()))
  const lines: string[] = []
  const waiting: ((line: string) => void)[] = []
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const w = waiting.shift()
    if (w) w(line)
    else lines.push(line)
  })
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      const l = lines.shift()
      if (l !== undefined) return resolve(l)
      waiting.push(resolve)
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${errors}`)))
    })
  const first = JSON.parse(await nextLine()) as { url: string; port: number }
  const origin = `http://127.0.0.1:${first.port}`
  const launch = new URL(first.url).hash.replace('#token=', '')
  const exchanged = await fetch(`${origin}/api-session`, { method: 'POST', headers: { 'x-upstream-launch': launch } })
  const session = ((await exchanged.json()) as { value: { token: string } }).value.token
  return {
    origin,
    pid: child.pid!,
    async call(channel, input) {
      const r = await fetch(`${origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'x-upstream-token': session, 'content-type': 'application/json' },
        body: JSON.stringify(input === undefined ? {} : { input }),
      })
      return (await r.json()) as never
    },
    async freshLaunchUrl() {
      child.stdin!.write('\n')
      return (JSON.parse(await nextLine()) as { launchUrl: string }).launchUrl
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode)
        child.once('exit', (code) => resolve(code))
        child.kill('SIGTERM')
      }),
  }
}
