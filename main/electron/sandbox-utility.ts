import { utilityProcess } from 'electron'
import { join } from 'node:path'
import type { FromChild } from '../app/local-sandbox/child-protocol'
import { SANDBOX_HEAP_MB, tailKeeper, type SandboxLauncher } from '../app/local-sandbox/launcher'

/**
 * The Local sandbox in Electron's utilityProcess (a Node child that Chromium supervises), from
 * out/electron/sandbox-child.cjs beside main.cjs. Same protocol as Node's fork
 * (main/app/local-sandbox/child-protocol.ts); its heap is capped like there.
 */
export function utilitySandboxLauncher(dir: string = __dirname): SandboxLauncher {
  return () => {
    const child = utilityProcess.fork(join(dir, 'sandbox-child.cjs'), [], {
      serviceName: 'Upstream Local sandbox',
      execArgv: [`--max-old-space-size=${SANDBOX_HEAP_MB}`],
      stdio: 'pipe',
    })
    const stderr = tailKeeper()
    child.stderr?.on('data', (d: Buffer) => {
      stderr.push(d)
      process.stderr.write(d)
    })
    child.stdout?.on('data', (d: Buffer) => process.stdout.write(d))
    return {
      get pid() {
        return child.pid
      },
      send: (m) => child.postMessage(m),
      onMessage: (l) => void child.on('message', (m: unknown) => l(m as FromChild)),
      // utilityProcess reports the code only; a kill by signal shows up as a non-zero code.
      onExit: (l) => void child.once('exit', (code: number) => l({ code, signal: null, stderrTail: stderr.text() })),
      kill: () => void child.kill(),
    }
  }
}
