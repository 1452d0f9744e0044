import { encodeCall } from '../../../main/xmlrpc/encode'
const files = Array.from({ length: 1000 }, (_, i) => ('<p>Caf\u00e9 \u20ac & <b>bold</b> ' + i + '</p>\n').repeat(150))
const ascii = Array.from({ length: 1000 }, (_, i) => ('<p>Cafe & <b>bold</b> ' + i + '</p>\n').repeat(150))
for (const [n, f] of [['utf8', files], ['ascii', ascii]] as const) {
let best = 1e9, len = 0
for (let i = 0; i < 10; i++) { const t = performance.now(); len = Buffer.from(encodeCall('x', [f])).length; best = Math.min(best, performance.now() - t) }
console.log('encode', n, best.toFixed(1), 'ms', (len/1e3/best).toFixed(0), 'MB/s')
}
