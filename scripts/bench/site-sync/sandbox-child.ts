import { spawn, type ChildProcess } from 'node:child_process'
import { startSandbox } from '../../../main/sandbox/sandbox'

export const SANDBOX_CHILD_FLAG = '--sandbox-child'
export const BENCH_USER = { email: 'bench@example.com', password: 'bench password' }

export interface ChildSandbox {
  endpoint: string
  usernum: string
  close(): Promise<void>
}

/** In the child: a sandbox in `dir` with the bench's member; prints where it listens, then serves until killed. */
export async function sandboxChild(dir: string): Promise<void> {
  const sandbox = await startSandbox({ dir, port: 0, users: [BENCH_USER] })
  process.stdout.write(
    JSON.stringify({ endpoint: sandbox.endpoint, usernum: sandbox.members.byEmail(BENCH_USER.email)!.usernum }) + '\n',
  )
}

/**
 * The sandbox in its own process, as a server is: the client's work and the server's run on
 * separate cores, for the batched sync and the per-file baseline alike.
 */
export async function startChildSandbox(script: string, dir: string): Promise<ChildSandbox> {
  const child: ChildProcess = spawn(process.execPath, [script, SANDBOX_CHILD_FLAG, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const info = await new Promise<{ endpoint: string; usernum: string }>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`the sandbox child exited (${code}) before listening`)))
    child.stdout!.once('data', (d: Buffer) => resolve(JSON.parse(d.toString().split('\n')[0])))
  })
  return {
    ...info,
    close: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((done) => child.once('exit', done))
      child.kill()
      await exited
    },
  }
}
