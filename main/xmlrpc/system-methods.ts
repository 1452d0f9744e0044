import { encodeResponse } from './encode'
import { FaultCodes, XmlRpcFault } from './fault'
import { asFault, type CallContext, type MethodRegistry } from './method-registry'
import { struct, type XmlRpcStruct, type XmlRpcValue } from './values'

const capability = (specUrl: string, specVersion: number) => struct({ specUrl, specVersion })

function isStruct(v: XmlRpcValue | undefined): v is XmlRpcStruct {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === null
}

function faultStruct(f: XmlRpcFault): XmlRpcStruct {
  return struct({ faultCode: f.faultCode, faultString: f.faultString })
}

function knownMethod(registry: MethodRegistry, name: XmlRpcValue) {
  const method = typeof name === 'string' ? registry.get(name) : undefined
  if (!method) throw new XmlRpcFault(FaultCodes.methodNotFound, `method "${String(name)}" is not supported`)
  return method
}

/** system.listMethods, methodSignature, methodHelp, multicall and getCapabilities (docs/protocols.md §1). */
export function registerSystemMethods(registry: MethodRegistry, opts: { allowNil: boolean }): void {
  registry.register('system.listMethods', () => registry.names(), {
    signature: [['array']],
    help: 'The names of the methods this server offers.',
  })
  registry.register('system.methodSignature', ([name]) => knownMethod(registry, name).meta.signature ?? 'undef', {
    signature: [['array', 'string']],
    help: 'The signatures of a method: an array of arrays of type names, return type first. The string "undef" when they are not known.',
  })
  registry.register('system.methodHelp', ([name]) => knownMethod(registry, name).meta.help ?? '', {
    signature: [['string', 'string']],
    help: 'What a method does, as text.',
  })
  registry.register(
    'system.multicall',
    ([calls], ctx) => multicall(registry, calls as XmlRpcValue[], ctx, opts.allowNil),
    {
      signature: [['array', 'array']],
      help: 'Runs several calls in one request. Each element of the param is a struct {methodName, params}; each element of the result is a one-element array holding that call\u2019s result, or a {faultCode, faultString} struct.',
    },
  )
  registry.register('system.getCapabilities', () => getCapabilities(opts.allowNil), {
    signature: [['struct']],
    help: 'The protocol extensions this server implements, each with the URL and version of its specification.',
  })
}

function getCapabilities(allowNil: boolean): XmlRpcStruct {
  const caps = struct({
    xmlrpc: capability('http://www.xmlrpc.com/spec', 1),
    faults_interop: capability('http://xmlrpc-epi.sourceforge.net/specs/rfc.fault_codes.php', 20010516),
    'system.multicall': capability('http://www.xmlrpc.com/discuss/msgReader$1208', 1),
    introspection: capability('http://xmlrpc-c.sourceforge.net/introspection.html', 1),
  })
  if (allowNil) caps.nil = capability('http://www.ontosys.com/xml-rpc/extensions.php', 20010518)
  return caps
}

/** Runs the calls in order; one failing call becomes a fault struct in its place, never a fault for all. */
async function multicall(
  registry: MethodRegistry,
  calls: XmlRpcValue[],
  ctx: CallContext,
  allowNil: boolean,
): Promise<XmlRpcValue[]> {
  const results: XmlRpcValue[] = []
  for (const call of calls) {
    try {
      if (!isStruct(call) || typeof call.methodName !== 'string') {
        throw new XmlRpcFault(
          FaultCodes.notXmlRpc,
          'each multicall element must be a struct with a string methodName and an array params',
        )
      }
      if (call.methodName === 'system.multicall')
        throw new XmlRpcFault(FaultCodes.notXmlRpc, 'system.multicall cannot be nested')
      const params = call.params === undefined ? [] : call.params
      if (!Array.isArray(params)) throw new XmlRpcFault(FaultCodes.invalidParams, 'multicall params must be an array')
      const result = await registry.call(call.methodName, params, ctx)
      // Encode each result alone, so that one that can't be sent faults alone.
      encodeResponse(result, { allowNil })
      results.push([result])
    } catch (e) {
      results.push(faultStruct(asFault(e)))
    }
  }
  return results
}
