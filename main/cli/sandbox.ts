import { join } from 'node:path'
import { resolveDataDir } from '../app/core/data-dir'
import { GROUP_NAME } from '../sandbox/discuss-store'
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/sandbox'
import { SandboxFolderInUse } from '../sandbox/state-lock'
import { Exit } from './exit-codes'
import { parseFlags, portFlag, untilSignal } from './flags'
import type { CliIo } from './io'

const USAGE = 'Usage: upstream sandbox [--port N] [--data DIR] [--user EMAIL:PASSWORD]… [--group NAME]… [--json]\n'

/** The flags, checked: the sandbox's options and how to report, or a usage error. */
export function sandboxOptions(
  args: string[],
  env: NodeJS.ProcessEnv,
): { ok: true; options: SandboxOptions; json: boolean } | { ok: false; message: string } {
  const flags = parseFlags(args, {
    port: { type: 'string' },
    data: { type: 'string' },
    user: { type: 'string', multiple: true },
    group: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  })
  if (!flags.ok) return { ok: false, message: flags.message }
  if (flags.positionals.length > 0) return { ok: false, message: `unexpected argument "${flags.positionals[0]}"` }
  const port = portFlag(flags.values.port, 5337)
  if (port === undefined) return { ok: false, message: '--port must be a number from 0 to 65535' }
  const users = []
  for (const spec of flags.values.user ?? []) {
    const colon = spec.indexOf(':')
    if (colon <= 0 || colon === spec.length - 1)
      return { ok: false, message: `--user wants EMAIL:PASSWORD, got "${spec}"` }
    users.push({ email: spec.slice(0, colon), password: spec.slice(colon + 1) })
  }
  const groups = flags.values.group ?? []
  const badGroup = groups.find((g) => !GROUP_NAME.test(g))
  if (badGroup !== undefined)
    return {
      ok: false,
      message: `--group "${badGroup}": use letters, digits, ".", "_" and "-" (up to 64, starting with a letter or digit)`,
    }
  // Standalone, --data DIR is the sandbox's own folder; by default it shares the app's.
  const dir = flags.values.data ? resolveDataDir(flags.values.data) : join(resolveDataDir(undefined, env), 'sandbox')
  return { ok: true, options: { dir, port, users, groups }, json: flags.values.json ?? false }
}

/** What the sandbox prints once it listens: the endpoint first, for scripts that read one line. */
export function startedText(sandbox: Sandbox, json: boolean): string {
  if (json)
    return (
      JSON.stringify({
        endpoint: sandbox.endpoint,
        port: sandbox.port,
        baseUrl: sandbox.baseUrl,
        dir: sandbox.dir,
        groups: sandbox.groups(),
      }) + '\n'
    )
  return [
    `Upstream sandbox listening at ${sandbox.endpoint}`,
    `Pages: ${sandbox.baseUrl}/   Discussion groups: ${sandbox.groups().join(', ')}`,
    `Data: ${sandbox.dir}`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n')
}

/** `upstream sandbox`: a local community server for anyone testing an XML-RPC client. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = sandboxOptions(args, io.env)
  if (!parsed.ok) {
    io.stderr(`upstream sandbox: ${parsed.message}\n${USAGE}`)
    return Exit.usage
  }
  let sandbox: Sandbox
  try {
    sandbox = await startSandbox(parsed.options)
  } catch (e) {
    if (!(e instanceof SandboxFolderInUse)) throw e
    io.stderr(`upstream sandbox: ${e.message}\n`)
    return Exit.locked
  }
  io.stdout(startedText(sandbox, parsed.json))
  await untilSignal()
  await sandbox.close()
  return Exit.ok
}
