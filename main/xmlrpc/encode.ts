import { XmlRpcEncodeError } from './codec-errors'
import type { XmlRpcValue } from './values'
import { ValueWriter } from './value-writer'
import { escapeText, escapeTextLossy } from './xml-escape'

export interface EncodeOptions {
  /** Emit null as <nil/>; only for servers known to accept the extension. Otherwise null is refused. */
  allowNil?: boolean
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'

/** A <methodCall>. Throws XmlRpcEncodeError ("params[1].tags[3]: NaN cannot be sent") for what XML-RPC can't carry. */
export function encodeCall(method: string, params: XmlRpcValue[], opts?: EncodeOptions): string {
  if (typeof method !== 'string' || method === '')
    throw new XmlRpcEncodeError('methodName', 'the method name must be a non-empty string')
  const name = at('methodName', () => escapeText(method))
  const w = new ValueWriter(opts?.allowNil === true)
  for (let i = 0; i < params.length; i++) {
    w.out += '<param>'
    at(`params[${i}]`, () => w.value(params[i]))
    w.out += '</param>'
  }
  return DECLARATION + '<methodCall><methodName>' + name + '</methodName><params>' + w.out + '</params></methodCall>'
}

/** A <methodResponse> carrying one value. */
export function encodeResponse(value: XmlRpcValue, opts?: EncodeOptions): string {
  const w = new ValueWriter(opts?.allowNil === true)
  at('result', () => w.value(value))
  return DECLARATION + '<methodResponse><params><param>' + w.out + '</param></params></methodResponse>'
}

/** A fault response. The message is sent whatever it holds (characters XML can't carry become U+FFFD). */
export function encodeFault(code: number, message: string): string {
  if (!Number.isInteger(code) || code < -2147483648 || code > 2147483647)
    throw new XmlRpcEncodeError('faultCode', `${code} is not a 32-bit integer`)
  return (
    DECLARATION +
    '<methodResponse><fault><value><struct>' +
    `<member><name>faultCode</name><value><int>${code}</int></value></member>` +
    `<member><name>faultString</name><value><string>${escapeTextLossy(String(message))}</string></value></member>` +
    '</struct></value></fault></methodResponse>'
  )
}

function at<T>(root: string, write: () => T): T {
  try {
    return write()
  } catch (e) {
    throw e instanceof XmlRpcEncodeError ? new XmlRpcEncodeError(root + e.path, e.problem) : e
  }
}
