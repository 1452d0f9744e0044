import { spawn, type ChildProcess } from 'node:child_process'
import { bundleScript } from '../../store/testing/bundle-script'

/** `upstream sandbox` as its own process: the real CLI, bundled, started on a folder. */
export interface SandboxProcess {
  child: ChildProcess
  pid: number
  /** What `--json` printed once it listened. */
  started: { endpoint: string; port: number; baseUrl: string; dir: string }
  stop(): Promise<number | null>
}

export const cliEntry = (): Promise<string> => bundleScript(new URL('../../cli/bin.ts', import.meta.url))

/** Runs `upstream sandbox --json --port 0 --data DIR …`; resolves when it listens, or with how it ended. */
export async function runSandboxCli(
  dir: string,
  extra: string[] = [],
): Promise<{ ok: true; process: SandboxProcess } | { ok: false; code: number | null; stderr: string }> {
  const child = spawn(
    process.execPath,
    [await cliEntry(), 'sandbox', '--json', '--port', '0', '--data', dir, ...extra],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let out = ''
  let err = ''
  child.stderr!.on('data', (d: Buffer) => (err += d))
  const ended = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)))
  const line = new Promise<string>((resolve) =>
    child.stdout!.on('data', (d: Buffer) => {
      out += d
      if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')))
    }),
  )
  const first = await Promise.race([line, ended.then(() => null)])
  if (first === null) return { ok: false, code: await ended, stderr: err }
  return {
    ok: true,
    process: {
      child,
      pid: child.pid!,
      started: JSON.parse(first),
      stop: () => (child.kill('SIGTERM'), ended),
    },
  }
}
