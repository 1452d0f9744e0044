import { parseEndpoint } from '../xmlrpc/endpoint'
import { createXmlRpcClient, type XmlRpcClient } from '../xmlrpc/client'
import { createRedactor } from '../xmlrpc/redact'
import type { WireEntry } from '../xmlrpc/wire-log'
import type { CliIo } from './io'
import type { RpcFlags } from './rpc-args'

/**
 * The client a command uses, built from its flags. --verbose prints every exchange to stderr,
 * redacted like the wire log (positional secrets by method, plus the URL's password).
 */
export function clientFromFlags(url: string, flags: RpcFlags, io: CliIo, exactTypes = false): XmlRpcClient {
  const password = parseEndpoint(url).password
  return createXmlRpcClient(url, {
    timeoutMs: flags.timeoutMs,
    maxResponseBytes: flags.maxBytes,
    // `call` sends and shows values with their types: nil goes out, 2.0 comes back as {"$double": 2}.
    allowNil: exactTypes,
    keepDoubleType: exactTypes,
    redactor: createRedactor({ secrets: [password] }),
    onWire: flags.verbose ? (entry) => io.stderr(formatWire(entry)) : undefined,
  })
}

export function formatWire(e: WireEntry): string {
  const lines = [`→ POST ${e.url}  ${e.method}  (${e.requestBytes} bytes)`, e.requestXml]
  if (e.status !== undefined) lines.push(`← HTTP ${e.status}  (${e.responseBytes} bytes, ${e.ms} ms)`, e.responseXml)
  if (e.error !== undefined) lines.push(`✗ ${e.error}  (${e.ms} ms)`)
  return `${lines.map((l) => l.replace(/\n+$/, '')).join('\n')}\n`
}
