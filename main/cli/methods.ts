import { introspect, type MethodInfo } from '../xmlrpc/client-introspect'
import { Exit } from './exit-codes'
import type { CliIo } from './io'
import { parseRpcArgs } from './rpc-args'
import { clientFromFlags } from './rpc-client'
import { reportFailure } from './rpc-failure'

export const METHODS_HELP = `Usage: upstream methods URL [--json] [--timeout MS] [--max-bytes N] [--verbose]

Lists what an XML-RPC server offers: system.listMethods, then each method's signatures and help
(in one system.multicall when the server has it). --json prints
[{"name": …, "signatures": [["return", "param", …]] | null, "help": "…" | null}].
Exit: 0 ok, 3 fault, 4 transport, protocol or limit error, 64 usage.
`

/** `upstream methods URL`: introspection, readable or as JSON. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseRpcArgs(args, ['timeout', 'max-bytes', 'verbose', 'json'])
  if (!parsed.ok) return usage(io, parsed.message)
  if (parsed.flags.help) {
    io.stdout(METHODS_HELP)
    return Exit.ok
  }
  const [url, ...extra] = parsed.positionals
  if (url === undefined) return usage(io, 'URL is required')
  if (extra.length) return usage(io, `unexpected argument ${extra[0]}`)
  try {
    const methods = await introspect(clientFromFlags(url, parsed.flags, io))
    io.stdout(parsed.flags.json ? `${JSON.stringify(methods, null, 2)}\n` : formatMethods(methods))
    return Exit.ok
  } catch (e) {
    return reportFailure(e, io, 'methods', { method: 'system.listMethods', url }, parsed.flags.json)
  }
}

/** One block per method: the name, its signatures as `return name(params)`, its help indented. */
export function formatMethods(methods: MethodInfo[]): string {
  const blocks = methods.map((m) => {
    const lines = [m.name]
    for (const [ret, ...params] of m.signatures ?? []) lines.push(`    ${ret} ${m.name}(${params.join(', ')})`)
    if (m.help !== null) for (const line of m.help.trim().split(/\r?\n/)) lines.push(`    ${line.trim()}`.trimEnd())
    return lines.join('\n')
  })
  return `${blocks.join('\n\n')}\n\n${methods.length} method${methods.length === 1 ? '' : 's'}\n`
}

function usage(io: CliIo, message: string): number {
  io.stderr(`upstream methods: ${message}\nUsage: upstream methods URL [--json] (upstream methods --help for more)\n`)
  return Exit.usage
}
