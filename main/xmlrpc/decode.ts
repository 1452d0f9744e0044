import { bodyToText } from './body-text'
import { XmlRpcFault } from './fault'
import type { XmlRpcStruct, XmlRpcValue } from './values'
import { ValueReader } from './value-reader'
import { XmlScanner } from './xml-scanner'

export interface DecodeOptions {
  /** Deepest nesting of values accepted (a param is depth 1). Default 100. */
  maxDepth?: number
  /** Told about tolerated deviations (boolean "true", a double "nan"). */
  onWarning?: (msg: string) => void
  /** Return an integral <double> as XmlRpcDouble, so tools that show types (the CLI) keep 2.0 a double. */
  keepDoubleType?: boolean
}

export type DecodedResponse = { kind: 'value'; value: XmlRpcValue } | { kind: 'fault'; fault: XmlRpcFault }

export interface DecodedCall {
  method: string
  params: XmlRpcValue[]
}

const ignore = () => {}

function start(body: Uint8Array | string, opts: DecodeOptions | undefined): XmlScanner {
  const { text, oneByte } = bodyToText(body)
  const sc = new XmlScanner(text, oneByte, opts?.onWarning ?? ignore)
  sc.prolog()
  return sc
}

function readerFor(sc: XmlScanner, opts: DecodeOptions | undefined): ValueReader {
  return new ValueReader(sc, opts?.maxDepth ?? 100, opts?.onWarning ?? ignore, opts?.keepDoubleType ?? false)
}

/**
 * Parses a <methodResponse>: exactly one <param>, or a <fault> (returned, not thrown, so that the
 * caller decides). Throws XmlRpcParseError / XmlRpcDepthError for anything else.
 */
export function decodeResponse(body: Uint8Array | string, opts?: DecodeOptions): DecodedResponse {
  const sc: XmlScanner = start(body, opts)
  const reader = readerFor(sc, opts)
  if (sc.open('methodResponse')) sc.notXmlRpc('an empty <methodResponse>')
  const at = sc.pos
  const kind = sc.openTag('<params> or <fault>')
  let result: DecodedResponse
  if (kind === 'params') {
    if (sc.empty || sc.atEndTag()) sc.notXmlRpc('a response carries exactly one <param>, found none', at)
    if (sc.open('param')) sc.notXmlRpc('an empty <param>')
    result = { kind: 'value', value: reader.value(1) }
    sc.close('param')
    if (!sc.atEndTag()) sc.notXmlRpc('a response carries exactly one <param>, found more')
    sc.close('params')
  } else if (kind === 'fault') {
    if (sc.empty) sc.notXmlRpc('an empty <fault>', at)
    result = { kind: 'fault', fault: toFault(reader.value(1), sc, at) }
    sc.close('fault')
  } else sc.notXmlRpc(`expected <params> or <fault>, found <${kind}>`, at)
  if (!sc.atEndTag()) sc.notXmlRpc('a response holds one <params> or one <fault>, not both')
  sc.close('methodResponse')
  sc.epilog()
  return result
}

/** Parses a <methodCall> (for servers). */
export function decodeCall(body: Uint8Array | string, opts?: DecodeOptions): DecodedCall {
  const sc: XmlScanner = start(body, opts)
  const reader = readerFor(sc, opts)
  if (sc.open('methodCall')) sc.notXmlRpc('an empty <methodCall>')
  const nameAt = sc.pos
  const method = sc.open('methodName') ? '' : sc.text().trim()
  if (method === '') sc.notXmlRpc('the method name is empty', nameAt)
  sc.close('methodName')
  const params: XmlRpcValue[] = []
  if (!sc.atEndTag() && !sc.open('params')) {
    while (!sc.atEndTag()) {
      if (sc.open('param')) sc.notXmlRpc('an empty <param>')
      params.push(reader.value(1))
      sc.close('param')
    }
    sc.close('params')
  }
  sc.close('methodCall')
  sc.epilog()
  return { method, params }
}

function toFault(v: XmlRpcValue, sc: XmlScanner, at: number): XmlRpcFault {
  const s = v as XmlRpcStruct
  const isStruct = typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === null
  const code = isStruct ? s.faultCode : undefined
  const message = isStruct ? s.faultString : undefined
  // Some servers send the code as a string ("1"); accept any integer spelling.
  const faultCode =
    typeof code === 'number' && Number.isInteger(code)
      ? code
      : typeof code === 'string' && /^\s*[+-]?\d+\s*$/.test(code)
        ? parseInt(code, 10)
        : undefined
  if (faultCode === undefined || message === undefined)
    sc.notXmlRpc('a <fault> holds a struct with an integer faultCode and a faultString', at)
  const faultString = typeof message === 'string' ? message : String(message)
  return new XmlRpcFault(faultCode, faultString, s)
}
