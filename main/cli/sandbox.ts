import { join } from 'node:path'
import { resolveDataDir } from '../app/data-dir'
import { startSandbox } from '../sandbox/sandbox'
import { Exit } from './exit-codes'
import { parseFlags, portFlag, untilSignal } from './flags'
import type { CliIo } from './io'

/** `upstream sandbox`: a local community server for anyone testing an XML-RPC client. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, {
    port: { type: 'string' },
    data: { type: 'string' },
    user: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  })
  const usage = 'Usage: upstream sandbox [--port N] [--data DIR] [--user EMAIL:PASSWORD]…\n'
  if (!flags.ok) return fail(io, flags.message + '\n' + usage)
  const port = portFlag(flags.values.port, 5337)
  if (port === undefined) return fail(io, '--port must be a number from 0 to 65535\n' + usage)
  const users = []
  for (const spec of flags.values.user ?? []) {
    const colon = spec.indexOf(':')
    if (colon <= 0) return fail(io, `--user wants EMAIL:PASSWORD, got "${spec}"\n` + usage)
    users.push({ email: spec.slice(0, colon), password: spec.slice(colon + 1) })
  }
  // Standalone, --data DIR is the sandbox's own folder; by default it shares the app's.
  const dir = flags.values.data ? resolveDataDir(flags.values.data) : join(resolveDataDir(undefined, io.env), 'sandbox')
  const sandbox = await startSandbox({ dir, port, users })
  if (flags.values.json) io.stdout(JSON.stringify({ endpoint: sandbox.endpoint, port: sandbox.port, dir }) + '\n')
  else io.stdout(`Upstream sandbox listening at ${sandbox.endpoint}\nData: ${dir}\nPress Ctrl+C to stop.\n`)
  await untilSignal()
  await sandbox.close()
  return Exit.ok
}

function fail(io: CliIo, message: string): number {
  io.stderr(`upstream sandbox: ${message}`)
  return Exit.usage
}
