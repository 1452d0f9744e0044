import type { CallOptions, XmlRpcClient } from './client'
import { multicall, type MulticallCall, type MulticallResult } from './client-multicall'
import { ProtocolError } from './errors'
import { XmlRpcFault } from './fault'
import type { XmlRpcValue } from './values'

export interface MethodInfo {
  name: string
  /** Each signature is [returnType, ...paramTypes]; null when the server gives none usable. */
  signatures: string[][] | null
  /** null when the server gives none. */
  help: string | null
}

/** Methods per system.multicall batch (two calls each), so one answer stays a reasonable size. */
const BATCH = 100

/**
 * What a server offers: system.listMethods, then signature and help per method, through
 * system.multicall when the server lists it (falling back to one call at a time if the multicall
 * itself faults). A method whose signature or help faults just has none.
 */
export async function introspect(client: XmlRpcClient, options?: CallOptions): Promise<MethodInfo[]> {
  const listed = await client.call('system.listMethods', [], options)
  if (!Array.isArray(listed) || !listed.every((n) => typeof n === 'string')) {
    throw new ProtocolError('system.listMethods did not answer an array of names', {}, client.url)
  }
  const names = listed as string[]
  const has = new Set(names)
  const asks = ['system.methodSignature', 'system.methodHelp'].filter((m) => has.has(m))
  const answers = new Map<string, MulticallResult>()
  const calls: MulticallCall[] = names.flatMap((name) => asks.map((method) => ({ method, params: [name] })))
  let viaMulticall = has.has('system.multicall')
  for (let i = 0; i < calls.length; i += BATCH * asks.length) {
    const batch = calls.slice(i, i + BATCH * asks.length)
    let results: MulticallResult[] | null = null
    if (viaMulticall) results = await multicall(client, batch, options).catch(fallbackOnFault)
    if (results === null) {
      viaMulticall = false
      results = await oneByOne(client, batch, options)
    }
    batch.forEach((c, j) => answers.set(`${c.method} ${c.params[0] as string}`, results[j]))
  }
  return names.map((name) => ({
    name,
    signatures: signaturesOf(answers.get(`system.methodSignature ${name}`)),
    help: helpOf(answers.get(`system.methodHelp ${name}`)),
  }))
}

function fallbackOnFault(e: unknown): null {
  if (e instanceof XmlRpcFault || e instanceof ProtocolError) return null
  throw e
}

async function oneByOne(
  client: XmlRpcClient,
  calls: MulticallCall[],
  options?: CallOptions,
): Promise<MulticallResult[]> {
  const out: MulticallResult[] = []
  for (const c of calls) {
    try {
      out.push({ ok: true, value: await client.call(c.method, c.params, options) })
    } catch (e) {
      if (!(e instanceof XmlRpcFault)) throw e
      out.push({ ok: false, fault: e })
    }
  }
  return out
}

/** Only an array of arrays of type names is a signature list ("undef", flat samples… are unknown). */
function signaturesOf(r: MulticallResult | undefined): string[][] | null {
  if (!r?.ok || !Array.isArray(r.value) || r.value.length === 0) return null
  const sigs = r.value as XmlRpcValue[]
  if (!sigs.every((s) => Array.isArray(s) && s.length > 0 && s.every((t) => typeof t === 'string'))) return null
  return sigs as string[][]
}

function helpOf(r: MulticallResult | undefined): string | null {
  if (!r?.ok || typeof r.value !== 'string' || r.value.trim() === '') return null
  return r.value
}
