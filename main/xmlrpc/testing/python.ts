// Runs a python3 script as an interop peer. Asynchronous on purpose: the peer usually calls a
// server living in the test's own event loop, which a synchronous spawn would block.
import { spawn } from 'node:child_process'

export async function runPython(script: string, args: string[] = [], timeoutMs = 20_000): Promise<string> {
  const child = spawn('python3', ['-c', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const timer = setTimeout(() => child.kill(), timeoutMs)
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  clearTimeout(timer)
  if (code !== 0) throw new Error(`python3 exited with ${code}:\n${stderr}`)
  return stdout
}

/** Runs a script that prints one JSON document, and parses it. */
export async function pythonJson<T>(script: string, args: string[] = []): Promise<T> {
  return JSON.parse(await runPython(script, args)) as T
}
