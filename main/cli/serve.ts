import { fileURLToPath } from 'node:url'
import { startCore } from '../app/core/core'
import { resolveDataDir } from '../app/core/data-dir'
import { startHost } from '../host/host'
import { Exit } from './exit-codes'
import { parseFlags, portFlag, untilSignal } from './flags'
import type { CliIo } from './io'

/** The built renderer sits beside the bundled CLI: out/node/cli.mjs → out/renderer. */
export const rendererDir = (): string => fileURLToPath(new URL('../renderer', import.meta.url))

/** `upstream serve`: the whole app in a browser, on 127.0.0.1 with a per-launch token. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { port: { type: 'string' }, data: { type: 'string' }, json: { type: 'boolean' } })
  if (!flags.ok) return usageError(io, flags.message)
  const port = portFlag(flags.values.port, 5320)
  if (port === undefined) return usageError(io, `--port must be a number from 0 to 65535`)
  const dataDir = resolveDataDir(flags.values.data, io.env)
  const core = await startCore({ dataDir, face: 'browser-host' })
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
  else io.stdout(`Upstream is running at ${host.url}\nData: ${dataDir}\nPress Ctrl+C to stop.\n`)
  await untilSignal()
  await host.close()
  await core.close()
  return Exit.ok
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`upstream serve: ${message}\nUsage: upstream serve [--port N] [--data DIR]\n`)
  return Exit.usage
}
