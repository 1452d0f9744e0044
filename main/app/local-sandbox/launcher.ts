import { fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { FromChild, ToChild } from './child-protocol'

/** How the child ended: a signal or exit code, and the end of what it wrote to stderr. */
export interface ChildExit {
  code: number | null
  signal: string | null
  stderrTail: string
}

/** One running sandbox process, whatever started it (Node's fork, Electron's utilityProcess). */
export interface SandboxChild {
  readonly pid: number | undefined
  send(message: ToChild): void
  onMessage(listener: (message: FromChild) => void): void
  onExit(listener: (exit: ChildExit) => void): void
  kill(signal?: NodeJS.Signals): void
}

export type SandboxLauncher = () => SandboxChild

/** The heap cap the child gets: the embedded sandbox takes 100 MB enclosures, base64 in a string. */
export const SANDBOX_HEAP_MB = 512

/** Keeps the last few kB of a stream, so an exit can be explained ("out of memory"). */
export function tailKeeper(max = 4096): { push(chunk: Buffer | string): void; text(): string } {
  let tail = ''
  return {
    push: (chunk) => void (tail = (tail + chunk.toString()).slice(-max)),
    text: () => tail,
  }
}

/** Beside the bundled core (out/node/*.mjs) the child's bundle is out/node/sandbox-child.mjs. */
export function builtChildEntry(): string | undefined {
  const entry = fileURLToPath(new URL('./sandbox-child.mjs', import.meta.url))
  return existsSync(entry) ? entry : undefined
}

/** The child under plain Node: `fork` with its own heap cap and an IPC channel. */
export function nodeSandboxLauncher(
  entry: string,
  options: { heapMb?: number; env?: NodeJS.ProcessEnv; quiet?: boolean } = {},
): SandboxLauncher {
  return () => {
    const child = fork(entry, [], {
      execArgv: [`--max-old-space-size=${options.heapMb ?? SANDBOX_HEAP_MB}`],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
      serialization: 'advanced',
      env: options.env ?? process.env,
    })
    // 'close' comes after stderr has drained, so the tail then holds V8's last words.
    const stderr = tailKeeper()
    child.stderr?.on('data', (d: Buffer) => {
      stderr.push(d)
      if (!options.quiet) process.stderr.write(d)
    })
    return {
      pid: child.pid,
      send: (m) => void (child.connected && child.send(m)),
      onMessage: (l) => void child.on('message', (m) => l(m as FromChild)),
      onExit(l) {
        let told = false
        const tell = (exit: ChildExit) => void (told || ((told = true), l(exit)))
        child.once('close', (code, signal) => tell({ code, signal, stderrTail: stderr.text() }))
        // A child that never started (no such file, no resources) may not 'close'.
        child.once('error', (e) => child.pid === undefined && tell({ code: null, signal: null, stderrTail: e.message }))
      },
      kill: (signal) => void child.kill(signal),
    }
  }
}
