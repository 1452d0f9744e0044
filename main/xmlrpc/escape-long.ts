// Escaping long text (an HTML post body sent as <string>) through its UTF-8 bytes. V8 spends
// ~50 ns building the result per replacement, whatever the method (replace with a callback,
// replaceAll, split/join); a byte loop between TextEncoder and TextDecoder is 2–4× faster once a
// string has many of them.

const encoder = new TextEncoder()
const decoder = new TextDecoder()
let input = new Uint8Array(1 << 16)
let output = new Uint8Array(1 << 18)

/** Replaces & < > \r with &amp; &lt; &gt; &#13; (the caller has already refused illegal characters). */
export function escapeLong(s: string): string {
  if (input.length < s.length * 3) {
    input = new Uint8Array(s.length * 3)
    output = new Uint8Array(s.length * 15)
  }
  const { written } = encoder.encodeInto(s, input)
  const src = input
  const out = output
  let j = 0
  for (let i = 0; i < written; i++) {
    const b = src[i]
    if (b > 62 || (b !== 38 && b !== 60 && b !== 62 && b !== 13)) {
      out[j++] = b
      continue
    }
    out[j++] = 38 // &
    if (b === 38)
      ((out[j++] = 97), (out[j++] = 109), (out[j++] = 112)) // amp
    else if (b === 60)
      ((out[j++] = 108), (out[j++] = 116)) // lt
    else if (b === 62)
      ((out[j++] = 103), (out[j++] = 116)) // gt
    else ((out[j++] = 35), (out[j++] = 49), (out[j++] = 51)) // #13
    out[j++] = 59 // ;
  }
  const result = decoder.decode(out.subarray(0, j))
  // Don't keep a one-off 100 MB scratch buffer alive.
  if (input.length > 1 << 22) ((input = new Uint8Array(1 << 16)), (output = new Uint8Array(1 << 18)))
  return result
}
