import type { XmlRpcClient } from '../xmlrpc/client'
import { toAppError } from '../xmlrpc/to-app-error'
import { XmlRpcFault } from '../xmlrpc/fault'
import { Exit } from './exit-codes'
import type { CliIo } from './io'
import { parseRpcArgs } from './rpc-args'
import { clientFromFlags } from './rpc-client'
import { validatorCases } from './validator1-cases'

export const VALIDATE_HELP = `Usage: upstream validate URL [--seed N] [--json] [--timeout MS] [--max-bytes N] [--verbose]

Runs the validator1 interop suite against any XML-RPC server: all eight validator1.* methods,
with generated inputs (--seed N to repeat a run) and checked answers. One line per test,
"PASS name" or "FAIL name: why", then "N passed, M failed".
Exit: 0 all passed, 1 some failed, 4 the server could not be reached at all, 64 usage.
`

/** Exit code when tests ran and some failed (a test runner's convention). */
export const EXIT_TESTS_FAILED = 1

/** `upstream validate URL`. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseRpcArgs(args, ['timeout', 'max-bytes', 'verbose', 'json', 'seed'])
  if (!parsed.ok) return usage(io, parsed.message)
  if (parsed.flags.help) {
    io.stdout(VALIDATE_HELP)
    return Exit.ok
  }
  const [url, ...extra] = parsed.positionals
  if (url === undefined) return usage(io, 'URL is required')
  if (extra.length) return usage(io, `unexpected argument ${extra[0]}`)
  let client: XmlRpcClient
  try {
    client = clientFromFlags(url, parsed.flags, io)
  } catch (e) {
    return usage(io, (e as Error).message)
  }
  const seed = parsed.flags.seed ?? Math.floor(Math.random() * 2 ** 31)
  io.stderr(`validator1 inputs from --seed ${seed}\n`)
  const results: { name: string; pass: boolean; why?: string }[] = []
  let unreachable = 0
  for (const test of validatorCases(seed)) {
    let why: string | null
    try {
      why = test.check(await client.call(test.method, test.params))
    } catch (e) {
      if (!(e instanceof XmlRpcFault)) unreachable++
      why =
        e instanceof XmlRpcFault
          ? `fault ${e.faultCode}: ${e.faultString}`
          : toAppError(e, { method: test.method, url }).message
    }
    results.push(why === null ? { name: test.name, pass: true } : { name: test.name, pass: false, why })
    if (!parsed.flags.json) io.stdout(why === null ? `PASS ${test.name}\n` : `FAIL ${test.name}: ${why}\n`)
  }
  const passed = results.filter((r) => r.pass).length
  const failed = results.length - passed
  if (parsed.flags.json) io.stdout(`${JSON.stringify({ seed, passed, failed, tests: results }, null, 2)}\n`)
  else io.stdout(`${passed} passed, ${failed} failed\n`)
  if (failed === 0) return Exit.ok
  return unreachable === results.length ? Exit.transport : EXIT_TESTS_FAILED
}

function usage(io: CliIo, message: string): number {
  io.stderr(
    `upstream validate: ${message}\nUsage: upstream validate URL [--seed N] (upstream validate --help for more)\n`,
  )
  return Exit.usage
}
