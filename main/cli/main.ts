import { Exit } from './exit-codes'
import type { CliIo } from './io'

type Command = { summary: string; load: () => Promise<{ run(args: string[], io: CliIo): Promise<number> }> }

/** Commands load lazily so `upstream call` never pays for the host or the sandbox. */
const commands: Record<string, Command> = {
  serve: {
    summary: 'serve [--port N] [--data DIR]          run the app in your browser (127.0.0.1 only)',
    load: () => import('./serve'),
  },
  sandbox: {
    summary:
      'sandbox [--port N] [--data DIR] [--user EMAIL:PASSWORD|--users-file F|--users-stdin]… [--group NAME]…  a local community server (sandbox --help)',
    load: () => import('./sandbox'),
  },
  call: {
    summary: 'call URL METHOD [ARG…]                 call any XML-RPC method; ARGs are typed JSON or @FILE',
    load: () => import('./call'),
  },
  methods: {
    summary: 'methods URL                            list what a server offers (introspection)',
    load: () => import('./methods'),
  },
  validate: {
    summary: 'validate URL                           run the validator1 interop suite against a server',
    load: () => import('./validate'),
  },
  site: {
    summary: 'site sync|status --account NAME …       upstream a community account’s weblog site (see site --help)',
    load: () => import('./site'),
  },
}

export function usage(): string {
  const lines = Object.values(commands).map((c) => `  upstream ${c.summary}`)
  return [
    'Upstream — write offline, publish over XML-RPC.',
    '',
    'Usage:',
    ...lines,
    '',
    'Every command takes --json for machine output and --data DIR (or UPSTREAM_DATA) for the data directory.',
    'Exit codes: 0 ok, 2 partial success, 3 XML-RPC fault, 4 transport/protocol/limit error,',
    '            5 missing credentials, 6 queue locked by another process, 64 usage,',
    '            73 the data folder cannot be written (read-only, disk full, permissions).',
    '',
  ].join('\n')
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage())
    return name === undefined ? Exit.usage : Exit.ok
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${(await import('../base/version')).APP_VERSION}\n`)
    return Exit.ok
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined
  if (!command) {
    io.stderr(`upstream: unknown command "${name}"\n\n${usage()}`)
    return Exit.usage
  }
  return (await command.load()).run(rest, io)
}
