import { fileURLToPath } from 'node:url'
import { startCore } from '../app/core/core'
import { resolveDataDir } from '../app/core/data-dir'
import { startHost } from '../host/host'
import { StoreError } from '../store/store-error'
import { Exit } from './exit-codes'
import { parseFlags, portFlag, untilSignal } from './flags'
import type { CliIo } from './io'
import { launchUrlOnDemand } from './launch-on-demand'

/** The built renderer sits beside the bundled CLI: out/node/cli.mjs → out/renderer. */
export const rendererDir = (): string => fileURLToPath(new URL('../renderer', import.meta.url))

/** `upstream serve`: the whole app in a browser, on 127.0.0.1 with a per-launch token. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, {
    port: { type: 'string' },
    data: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  })
  if (!flags.ok) return usageError(io, flags.message)
  if (flags.values.help) {
    io.stdout(HELP)
    return Exit.ok
  }
  const port = portFlag(flags.values.port, 5320)
  if (port === undefined) return usageError(io, `--port must be a number from 0 to 65535`)
  const dataDir = resolveDataDir(flags.values.data, io.env)
  let core: Awaited<ReturnType<typeof startCore>>
  try {
    core = await startCore({ dataDir, face: 'browser-host' })
  } catch (e) {
    // A read-only data folder, a full disk, damaged settings that cannot be moved aside: say so and stop.
    if (!(e instanceof StoreError)) throw e
    io.stderr(`upstream serve: ${e.message}\n`)
    return Exit.dataFolder
  }
  const host = await startHost({ core, port, rendererDir: rendererDir() })
    .catch((e: NodeJS.ErrnoException) => {
      // The default port may be taken (a second copy running): any free port will do then.
      if (e.code === 'EADDRINUSE' && flags.values.port === undefined)
        return startHost({ core, port: 0, rendererDir: rendererDir() })
      throw e
    })
    .catch(async (e: NodeJS.ErrnoException) => {
      await core.close()
      if (e.code !== 'EADDRINUSE') throw e
      io.stderr(`upstream serve: port ${port} is in use. Pick another with --port N, or --port 0 for any free port.\n`)
      return null
    })
  if (!host) return Exit.transport
  if (flags.values.json) io.stdout(JSON.stringify({ url: host.url, port: host.port, dataDir }) + '\n')
  else
    io.stdout(
      `Upstream is running at ${host.url}\nData: ${dataDir}\n` +
        `The address opens one tab once; press Enter here for a fresh one. Press Ctrl+C to stop.\n`,
    )
  const stopOnDemand = launchUrlOnDemand(() => {
    const url = host.launchUrl()
    io.stdout(flags.values.json ? JSON.stringify({ launchUrl: url }) + '\n' : `Fresh address: ${url}\n`)
  })
  await untilSignal()
  stopOnDemand()
  await host.close()
  await core.close()
  return Exit.ok
}

const USAGE = 'Usage: upstream serve [--port N] [--data DIR] [--json]\n'

const HELP = `${USAGE}
Runs the whole app in your browser, on 127.0.0.1 only, and prints the address to open.

The address carries a single-use launch token: the first tab that opens it exchanges it for a
session token kept in that tab (sessionStorage, no cookies), so the copy in your browser's history
opens nothing. For another tab, or after a browser restart, ask for a fresh address:
  - press Enter in this terminal (any line on standard input), or
  - send SIGUSR2: kill -USR2 <pid>   (with --json each fresh address is a {"launchUrl": …} line)
An open tab also accepts a pasted fresh address.

  --port N     port to listen on (default 5320, another free one if taken; 0 for any)
  --data DIR   data folder (default: UPSTREAM_DATA or the platform's app-data folder)
  --json       print {"url", "port", "dataDir"} as one JSON line
`

function usageError(io: CliIo, message: string): number {
  io.stderr(`upstream serve: ${message}\n${USAGE}`)
  return Exit.usage
}
