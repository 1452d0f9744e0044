// Lenient readers for the scalar types (docs/protocols.md §1, "accept" column). Each returns undefined
// when the text is not a value of its type; the caller reports where.

const INTEGER = /^[ \t\n]*([+-]?)([0-9]+)[ \t\n]*$/
const DOUBLE = /^[ \t\n]*[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[ \t\n]*$/
const NON_FINITE = /^[ \t\n]*([+-]?)(inf|infinity|nan)[ \t\n]*$/i

/** <int>, <i4>, <i1>, <i2>, <i8>: a number when exact in a double, a bigint beyond 2^53. */
export function parseInteger(text: string): number | bigint | undefined {
  const m = INTEGER.exec(text)
  if (!m) return undefined
  const digits = m[2]
  // Up to 15 digits always fit in a double exactly; longer ones are checked.
  if (digits.length <= 15) return Number(m[1] + digits) || 0
  const big = BigInt(m[1] + digits)
  return big >= -BigInt(Number.MAX_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big
}

/** <boolean>: 0 or 1; true/false are tolerated with a warning. */
export function parseBoolean(text: string, warn: (msg: string) => void): boolean | undefined {
  const t = text.trim()
  if (t === '1') return true
  if (t === '0') return false
  const lower = t.toLowerCase()
  if (lower !== 'true' && lower !== 'false') return undefined
  warn(`<boolean>${t}</boolean> should be 0 or 1; read as ${lower}`)
  return lower === 'true'
}

/** <double>/<float>: plain or exponent notation (Python writes 1e+20); inf/nan from Python's repr with a warning. */
export function parseDouble(text: string, warn: (msg: string) => void): number | undefined {
  if (DOUBLE.test(text)) return Number(text)
  const m = NON_FINITE.exec(text)
  if (!m) return undefined
  warn(`<double>${text.trim()}</double> is not a finite number`)
  if (m[2].toLowerCase() === 'nan') return NaN
  return m[1] === '-' ? -Infinity : Infinity
}
