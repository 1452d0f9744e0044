import { decodeCall } from '../../../main/xmlrpc/decode'
import { encodeCall } from '../../../main/xmlrpc/encode'
const files = Array.from({ length: 1000 }, (_, i) => ('<p>Caf\u00e9 \u20ac & <b>bold</b> ' + i + '</p>\n').repeat(150))
const doc = Buffer.from(encodeCall('x', [files, files.map((f) => Buffer.from(f))]))
const doc2 = Buffer.from(encodeCall('x', [files]))
const doc3 = Buffer.from(encodeCall('x', [files.map((f) => Buffer.from(f))]))
for (const [n, d] of [['both', doc], ['strings', doc2], ['base64', doc3]] as const) {
let best = 1e9
for (let i = 0; i < 10; i++) { const t = performance.now(); decodeCall(d); best = Math.min(best, performance.now() - t) }
console.log(n, best.toFixed(1), 'ms', (d.length / 1e3 / best).toFixed(0), 'MB/s', (d.length/1e6).toFixed(1), 'MB')
}
