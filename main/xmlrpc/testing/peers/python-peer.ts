import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export type PythonMode =
  'basic' | 'no-multicall' | 'broken-multicall' | 'validator1' | 'validator1-broken' | 'catchall' | 'catchall-echo'

export interface Peer {
  url: string
  close(): Promise<void>
}

const script = fileURLToPath(new URL('./python-server.py', import.meta.url))

/** Starts Python's SimpleXMLRPCServer (see python-server.py) and resolves once it listens. */
export function startPythonServer(mode: PythonMode = 'basic'): Promise<Peer> {
  const child = spawn('python3', [script, mode], { stdio: ['pipe', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`python3 exited (${code}) before listening: ${stderr}`)))
    child.stdout.once('data', (d: Buffer) => {
      const port = Number(d.toString().trim().split('\n')[0])
      resolve({
        url: `http://127.0.0.1:${port}/RPC2`,
        close: () =>
          new Promise((done) => {
            child.once('exit', () => done())
            child.kill()
          }),
      })
    })
  })
}
