import { XmlRpcEncodeError } from '../xmlrpc/codec-errors'
import { InvalidUrlError } from '../xmlrpc/endpoint'
import { XmlRpcFault } from '../xmlrpc/fault'
import { toAppError, type ErrorContext } from '../xmlrpc/to-app-error'
import { Exit } from './exit-codes'
import type { CliIo } from './io'
import { TypedJsonError } from '../xmlrpc/typed-json'

/** The fault line scripts parse: {"faultCode": N, "faultString": "…"}. */
export function faultJson(f: XmlRpcFault): string {
  return `{"faultCode": ${f.faultCode}, "faultString": ${JSON.stringify(f.faultString)}}\n`
}

/**
 * Reports how a command's call ended and returns the exit code: 3 for a fault (the fault JSON on
 * stdout), 64 for what the user got wrong (a bad URL or argument), 4 for transport, protocol and
 * limit errors; stderr always names the cause. With --json the AppError also goes to stdout.
 */
export function reportFailure(e: unknown, io: CliIo, command: string, context: ErrorContext, json: boolean): number {
  const app = toAppError(e, context)
  if (e instanceof XmlRpcFault) {
    io.stdout(faultJson(e))
    io.stderr(`upstream ${command}: ${app.message}\n`)
    return Exit.fault
  }
  if (e instanceof InvalidUrlError || e instanceof XmlRpcEncodeError || e instanceof TypedJsonError) {
    io.stderr(`upstream ${command}: ${e.message}\n`)
    return Exit.usage
  }
  if (json) io.stdout(`${JSON.stringify({ error: app })}\n`)
  io.stderr(`upstream ${command}: ${app.message}\n`)
  return app.kind === 'internal' ? 70 : Exit.transport
}
