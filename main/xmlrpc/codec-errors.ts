import { FaultCodes } from './fault'

/** Where in the text a parse error happened (offsets count UTF-16 units of the decoded text). */
export interface TextPosition {
  offset: number
  line: number
  column: number
}

/** 1-based line and column of `offset` in `text`; computed only when an error is raised. */
export function positionOf(text: string, offset: number): TextPosition {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { offset, line, column: offset - lineStart + 1 }
}

/**
 * The body is not a well-formed XML-RPC message. `faultCode` is the interop code a server answers
 * with: -32700 not well formed, -32701 unsupported encoding, -32702 invalid character, -32600 well
 * formed but not XML-RPC.
 */
export class XmlRpcParseError extends Error {
  override readonly name: string = 'XmlRpcParseError'
  readonly offset: number
  readonly line: number
  readonly column: number
  constructor(
    readonly reason: string,
    at: TextPosition,
    readonly faultCode: number = FaultCodes.notWellFormed,
  ) {
    super(`${reason} (line ${at.line}, column ${at.column})`)
    this.offset = at.offset
    this.line = at.line
    this.column = at.column
  }
}

/** Values nest deeper than `maxDepth`: refused before recursing further (stack and memory stay bounded). */
export class XmlRpcDepthError extends XmlRpcParseError {
  override readonly name = 'XmlRpcDepthError'
  constructor(
    readonly maxDepth: number,
    at: TextPosition,
  ) {
    super(`values nest deeper than ${maxDepth} levels`, at, FaultCodes.notWellFormed)
  }
}

/** A value that XML-RPC cannot carry; `path` names it ("params[1].tags[3]"). */
export class XmlRpcEncodeError extends Error {
  override readonly name = 'XmlRpcEncodeError'
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`)
  }
}
