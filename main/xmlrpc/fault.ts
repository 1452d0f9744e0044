import type { XmlRpcStruct } from './values'

/**
 * An XML-RPC fault: thrown by server handlers to answer with a <fault>, and thrown by the client
 * when a server answers with one (whatever the HTTP status).
 */
export class XmlRpcFault extends Error {
  override readonly name = 'XmlRpcFault'
  constructor(
    readonly faultCode: number,
    readonly faultString: string,
    /** Every member of the fault struct as received (servers add their own). */
    readonly members?: XmlRpcStruct,
  ) {
    super(`Fault ${faultCode}: ${faultString}`)
  }
}

/** The interop fault codes (xmlrpc-epi, 20010516). */
export const FaultCodes = {
  notWellFormed: -32700,
  unsupportedEncoding: -32701,
  invalidCharacter: -32702,
  notXmlRpc: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internalError: -32603,
  application: -32500,
  system: -32400,
  transport: -32300,
} as const
