import { join } from 'node:path'
import { resolveDataDir } from '../app/core/data-dir'
import { GROUP_NAME } from '../sandbox/discuss-store'
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/sandbox'
import { SandboxFolderInUse } from '../sandbox/state-lock'
import { Exit } from './exit-codes'
import { parseFlags, portFlag, untilSignal } from './flags'
import type { CliIo } from './io'
import { parseUser, parseUserLines, USERS_ENV, type UserSpec } from './sandbox-users'

const USAGE =
  'Usage: upstream sandbox [--port N] [--data DIR] [--user EMAIL:PASSWORD]… [--users-file FILE] [--users-stdin]\n' +
  '                        [--group NAME]… [--json]\n'

const HELP = `${USAGE}
Runs a local community server on 127.0.0.1: discussion groups, webHost, xmlStorageSystem, weblogUpdates.

Members (each EMAIL gets exactly the PASSWORD given; an existing member's password is reset):
  --user EMAIL:PASSWORD   on the command line: anyone who can list processes can read it
  --users-file FILE       one EMAIL:PASSWORD a line (keep the file 0600); # comments allowed
  --users-stdin           the same lines on standard input:  pass show sandbox | upstream sandbox --users-stdin
  ${USERS_ENV}  the same lines in this environment variable
  --port N                port (default 5337; 0 for any free one)
  --data DIR              its state folder (default: the app's data folder's sandbox/)
  --group NAME            a discussion group besides "sandbox" (repeatable)
  --json                  print the endpoint and folder as one JSON line
`

/** The flags, checked: the sandbox's options and how to report, or a usage error. */
export function sandboxOptions(
  args: string[],
  env: NodeJS.ProcessEnv,
):
  | { ok: true; options: SandboxOptions; json: boolean; help?: true; more?: { file?: string; stdin?: true } }
  | { ok: false; message: string } {
  const flags = parseFlags(args, {
    port: { type: 'string' },
    data: { type: 'string' },
    user: { type: 'string', multiple: true },
    group: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    'users-file': { type: 'string' },
    'users-stdin': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  })
  if (!flags.ok) return { ok: false, message: flags.message }
  if (flags.positionals.length > 0) return { ok: false, message: `unexpected argument "${flags.positionals[0]}"` }
  const port = portFlag(flags.values.port, 5337)
  if (port === undefined) return { ok: false, message: '--port must be a number from 0 to 65535' }
  const users: UserSpec[] = []
  for (const spec of flags.values.user ?? []) {
    const user = parseUser(spec, '--user')
    if (typeof user === 'string') return { ok: false, message: user }
    users.push(user)
  }
  const fromEnv = parseUserLines(env[USERS_ENV] ?? '', USERS_ENV)
  if (typeof fromEnv === 'string') return { ok: false, message: fromEnv }
  users.push(...fromEnv)
  const file = flags.values['users-file']
  const stdin = flags.values['users-stdin'] ? (true as const) : undefined
  const more =
    file !== undefined || stdin ? { ...(file !== undefined ? { file } : {}), ...(stdin ? { stdin } : {}) } : undefined
  const groups = flags.values.group ?? []
  const badGroup = groups.find((g) => !GROUP_NAME.test(g))
  if (badGroup !== undefined)
    return {
      ok: false,
      message: `--group "${badGroup}": use letters, digits, ".", "_" and "-" (up to 64, starting with a letter or digit)`,
    }
  // Standalone, --data DIR is the sandbox's own folder; by default it shares the app's.
  const dir = flags.values.data ? resolveDataDir(flags.values.data) : join(resolveDataDir(undefined, env), 'sandbox')
  return {
    ok: true,
    options: { dir, port, users, groups },
    json: flags.values.json ?? false,
    ...(flags.values.help ? { help: true as const } : {}),
    ...(more ? { more } : {}),
  }
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
  if (parsed.help) {
    io.stdout(HELP)
    return Exit.ok
  }
  const more = await moreUsers(parsed.more ?? {}, io)
  if (typeof more === 'string') {
    io.stderr(`upstream sandbox: ${more}\n${USAGE}`)
    return Exit.usage
  }
  parsed.options.users = [...(parsed.options.users ?? []), ...more]
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

/** Members from --users-file and --users-stdin, read only when asked for. */
async function moreUsers(more: { file?: string; stdin?: true }, io: CliIo): Promise<UserSpec[] | string> {
  const users: UserSpec[] = []
  if (more.file !== undefined) {
    let text: string
    try {
      text = (await io.readFile(more.file)).toString('utf8')
    } catch (e) {
      return `--users-file ${more.file}: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`
    }
    const fromFile = parseUserLines(text, `--users-file ${more.file}`)
    if (typeof fromFile === 'string') return fromFile
    users.push(...fromFile)
  }
  if (more.stdin) {
    const fromStdin = parseUserLines((await io.readStdin()).toString('utf8'), 'standard input')
    if (typeof fromStdin === 'string') return fromStdin
    if (fromStdin.length === 0) return '--users-stdin was given but standard input held no EMAIL:PASSWORD line'
    users.push(...fromStdin)
  }
  return users
}
