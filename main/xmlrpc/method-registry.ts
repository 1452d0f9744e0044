import type { IncomingMessage } from 'node:http'
import { FaultCodes, XmlRpcFault } from './fault'
import { paramProblem } from './param-check'
import type { XmlRpcValue } from './values'

export interface CallContext {
  req: IncomingMessage
}

export type MethodHandler = (params: XmlRpcValue[], ctx: CallContext) => XmlRpcValue | Promise<XmlRpcValue>

export interface MethodMeta {
  /**
   * Each signature: the return type, then the param types ([["int", "int", "int"]]). Checked before the handler runs.
   */
  signature?: string[][]
  help?: string
}

export interface RegisteredMethod {
  handler: MethodHandler
  meta: MethodMeta
}

/**
 * The methods a server offers. Lookups go through a Map of registered names only, so neither
 * `constructor`, `__proto__`, `toString` nor a dotted path into an object can reach code that was
 * not registered (the `allow_dotted_names` hole of Python's server).
 */
export class MethodRegistry {
  private readonly methods = new Map<string, RegisteredMethod>()

  register(name: string, handler: MethodHandler, meta: MethodMeta = {}): void {
    if (typeof name !== 'string' || name === '') throw new TypeError('a method name must be a non-empty string')
    if (typeof handler !== 'function') throw new TypeError(`the handler of ${name} must be a function`)
    this.methods.set(name, { handler, meta })
  }

  get(name: string): RegisteredMethod | undefined {
    return this.methods.get(name)
  }

  names(): string[] {
    return [...this.methods.keys()].sort()
  }

  /** Runs a method: -32601 when unknown, -32602 when its signature rules the params out. */
  async call(name: string, params: XmlRpcValue[], ctx: CallContext): Promise<XmlRpcValue> {
    const method = this.methods.get(name)
    if (!method) throw new XmlRpcFault(FaultCodes.methodNotFound, `method "${name}" is not supported`)
    if (method.meta.signature) {
      const problem = paramProblem(method.meta.signature, params)
      if (problem) throw new XmlRpcFault(FaultCodes.invalidParams, `${name}: ${problem}`)
    }
    return await method.handler(params, ctx)
  }
}

/** A thrown error as a fault: XmlRpcFault as is, anything else -32603 with its message (never its stack). */
export function asFault(e: unknown): XmlRpcFault {
  if (e instanceof XmlRpcFault) return e
  const message = e instanceof Error ? e.message : String(e)
  return new XmlRpcFault(FaultCodes.internalError, `internal error: ${message}`)
}
