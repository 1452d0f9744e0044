import type { XmlRpcValue } from '../xmlrpc/values'
import { Exit } from './exit-codes'
import type { CliIo } from './io'
import { parseRpcArgs } from './rpc-args'
import { clientFromFlags } from './rpc-client'
import { reportFailure } from './rpc-failure'
import { parseTypedJson, toTypedJson, TypedJsonError } from '../xmlrpc/typed-json'

export const CALL_HELP = `Usage: upstream call URL METHOD [ARG…] [--timeout MS] [--max-bytes N] [--verbose] [--json]

Calls METHOD on the XML-RPC endpoint URL and prints the result as typed JSON.
Each ARG is typed JSON: "text" → string, 42 → int, 4.2 → double, true/false → boolean,
null → nil, [..] → array, {..} → struct, and one-key objects for the rest:
  {"$base64": "aGk="}  {"$dateTime": "19980717T14:08:55"}  {"$double": 2}
  {"$i8": "9007199254740993"}  {"$struct": {"$only": 1}}
@PATH reads an argument's typed JSON from a file, @- from stdin.
Credentials go in the URL (http://user:password@host/RPC2) and are sent as Basic auth.

  --timeout MS     give up after MS milliseconds (default 60000)
  --max-bytes N    refuse answers larger than N bytes (default 67108864)
  --verbose        print the request and response XML to stderr, passwords redacted

Exit: 0 ok, 3 fault ({"faultCode": N, "faultString": "…"} on stdout),
      4 transport, protocol or limit error, 64 usage.
`

/** `upstream call URL METHOD [ARG…]`. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseRpcArgs(args, ['timeout', 'max-bytes', 'verbose', 'json'])
  if (!parsed.ok) return usage(io, parsed.message)
  if (parsed.flags.help) {
    io.stdout(CALL_HELP)
    return Exit.ok
  }
  const [url, method, ...rawArgs] = parsed.positionals
  if (url === undefined || method === undefined) return usage(io, 'URL and METHOD are required')
  let params: XmlRpcValue[]
  try {
    params = await readArgs(rawArgs, io)
  } catch (e) {
    if (e instanceof TypedJsonError || e instanceof ArgFileError) return usage(io, e.message)
    throw e
  }
  try {
    const client = clientFromFlags(url, parsed.flags, io, true)
    const result = await client.call(method, params)
    io.stdout(`${JSON.stringify(toTypedJson(result), null, 2)}\n`)
    return Exit.ok
  } catch (e) {
    return reportFailure(e, io, 'call', { method, url }, parsed.flags.json)
  }
}

class ArgFileError extends Error {}

async function readArgs(rawArgs: string[], io: CliIo): Promise<XmlRpcValue[]> {
  let stdinUsed = false
  const params: XmlRpcValue[] = []
  for (const [i, raw] of rawArgs.entries()) {
    const label = `ARG ${i + 1}`
    if (!raw.startsWith('@')) {
      params.push(parseTypedJson(raw, label))
      continue
    }
    const path = raw.slice(1)
    if (path === '-' && stdinUsed) throw new ArgFileError(`${label}: stdin (@-) can be read only once`)
    stdinUsed ||= path === '-'
    let bytes: Buffer
    try {
      bytes = path === '-' ? await io.readStdin() : await io.readFile(path)
    } catch (e) {
      throw new ArgFileError(`${label}: cannot read ${path}: ${(e as Error).message}`)
    }
    params.push(parseTypedJson(bytes.toString('utf8'), `${label} (${path === '-' ? 'stdin' : path})`))
  }
  return params
}

function usage(io: CliIo, message: string): number {
  io.stderr(`upstream call: ${message}\nUsage: upstream call URL METHOD [ARG…] (upstream call --help for more)\n`)
  return Exit.usage
}
