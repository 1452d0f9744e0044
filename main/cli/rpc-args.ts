/**
 * Arguments of the XML-RPC commands (call, methods, validate). Not node:util parseArgs: a typed-JSON
 * argument such as -5 or -0.5 would read as an option there. Here only "--name", "--name=value"
 * and "-h" are options; everything else (after "--", everything) is positional.
 */
export interface RpcFlags {
  timeoutMs?: number
  maxBytes?: number
  seed?: number
  verbose: boolean
  json: boolean
  help: boolean
}

type Spec = 'timeout' | 'max-bytes' | 'seed' | 'verbose' | 'json'

export type ParsedArgs = { ok: true; flags: RpcFlags; positionals: string[] } | { ok: false; message: string }

const numeric: Record<string, { key: 'timeoutMs' | 'maxBytes' | 'seed'; min: number }> = {
  timeout: { key: 'timeoutMs', min: 1 },
  'max-bytes': { key: 'maxBytes', min: 1 },
  seed: { key: 'seed', min: 0 },
}

export function parseRpcArgs(args: string[], allowed: readonly Spec[]): ParsedArgs {
  const flags: RpcFlags = { verbose: false, json: false, help: false }
  const positionals: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--') {
      positionals.push(...args.slice(i + 1))
      break
    }
    if (arg === '-h' || arg === '--help') {
      flags.help = true
      continue
    }
    if (!arg.startsWith('--')) {
      if (/^-[A-Za-z]/.test(arg)) return { ok: false, message: `unknown option ${arg}` }
      positionals.push(arg)
      continue
    }
    const eq = arg.indexOf('=')
    const name = arg.slice(2, eq === -1 ? undefined : eq)
    if (!allowed.includes(name as Spec)) return { ok: false, message: `unknown option --${name}` }
    if (name === 'verbose' || name === 'json') {
      if (eq !== -1) return { ok: false, message: `--${name} takes no value` }
      flags[name] = true
      continue
    }
    const value = eq === -1 ? args[++i] : arg.slice(eq + 1)
    const n = Number(value)
    if (value === undefined || value === '' || !Number.isSafeInteger(n) || n < numeric[name].min) {
      return { ok: false, message: `--${name} needs a whole number${numeric[name].min > 0 ? ' above 0' : ''}` }
    }
    flags[numeric[name].key] = n
  }
  return { ok: true, flags, positionals }
}
