import { appError, type AppError } from '../../shared/errors'
import { classifyFault, type FaultKind } from '../xmlrpc/classify-fault'
import type { XmlRpcFault } from '../xmlrpc/fault'
import type { XmlRpcStruct } from '../xmlrpc/values'

/**
 * The server refused a call. Servers of this family refuse two ways — an `{flError: true,
 * message}` struct or an XML-RPC fault (PyCS: code 1) — and callers should not care which, so
 * both become this one error, with the server's own words. Used by every namespace of §2–§4.
 */
export class CommunityError extends Error {
  override readonly name = 'CommunityError'
  /** 'auth' when the server's words (or code) say the credentials were refused. */
  readonly kind: 'fault' | 'auth'
  /** The engine's reading of the refusal (wrong-param-count drives the registerUser retry). */
  readonly faultKind: FaultKind

  constructor(
    readonly method: string,
    /** The server's words: the fault string or the flError message. */
    readonly serverMessage: string,
    readonly channel: 'flError' | 'fault',
    readonly faultCode?: number,
    /** Every member the server sent with the refusal. */
    readonly members?: XmlRpcStruct,
  ) {
    const faultKind = classifyFault({ faultCode: faultCode ?? 0, faultString: serverMessage })
    const kind = faultKind === 'auth' ? 'auth' : 'fault'
    super(
      kind === 'auth'
        ? `The server refused the credentials for ${method}: ${serverMessage}`
        : `The server refused ${method}: ${serverMessage}`,
    )
    this.kind = kind
    this.faultKind = faultKind
  }

  static fromFault(method: string, fault: XmlRpcFault): CommunityError {
    return new CommunityError(method, fault.faultString, 'fault', fault.faultCode, fault.members)
  }

  static fromFlError(method: string, message: string, members: XmlRpcStruct): CommunityError {
    return new CommunityError(method, message || 'no reason given', 'flError', undefined, members)
  }

  toAppError(): AppError {
    const hint = this.kind === 'auth' ? ' Check the account’s e-mail and password.' : ''
    const details: NonNullable<AppError['details']> = {
      method: this.method,
      channel: this.channel,
      serverMessage: this.serverMessage,
    }
    if (this.faultCode !== undefined) details.faultCode = this.faultCode
    return appError(this.kind, `${this.message}${hint}`, details)
  }
}
