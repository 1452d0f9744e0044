/**
 * A finite double as plain decimal, never with an exponent (the spec's grammar has none and
 * strict servers refuse "1e+20"). The digits are JavaScript's shortest round-trip ones, only
 * re-placed around the point, so parsing the result gives back exactly the same double.
 * Integral values keep a ".0" so that the text reads as a double.
 */
export function formatDouble(v: number): string {
  if (Object.is(v, -0)) return '-0.0'
  const s = String(v)
  const e = s.indexOf('e')
  if (e === -1) return s.indexOf('.') === -1 ? s + '.0' : s
  const negative = s.charCodeAt(0) === 45
  const mantissa = s.slice(negative ? 1 : 0, e)
  const exponent = Number(s.slice(e + 1))
  const dot = mantissa.indexOf('.')
  const digits = dot === -1 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1)
  // Where the decimal point falls within `digits` once the exponent is applied.
  const point = (dot === -1 ? mantissa.length : dot) + exponent
  let plain: string
  if (point <= 0) plain = '0.' + '0'.repeat(-point) + digits
  else if (point >= digits.length) plain = digits + '0'.repeat(point - digits.length) + '.0'
  else plain = digits.slice(0, point) + '.' + digits.slice(point)
  return negative ? '-' + plain : plain
}
