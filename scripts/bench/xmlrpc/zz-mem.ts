import { isAscii } from 'node:buffer'
import { encodeResponse } from '../../../main/xmlrpc/encode'
const step = process.argv[2]
const bytes = Buffer.alloc(20*1024*1024, 7)
const doc = Buffer.from(encodeResponse(bytes))
global.gc?.()
const before = process.memoryUsage().rss
const t0 = performance.now()
let r: unknown
const text = doc.toString('latin1')
if (step === 'ascii') r = isAscii(doc)
if (step === 'search') r = text.search(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/)
if (step === 'search2') r = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/.test(text)
if (step === 'cr') r = text.indexOf('\r')
const b64 = text.slice(80, text.length - 100)
if (step === 'b64search') r = b64.search(/[^A-Za-z0-9+/]/)
if (step === 'b64from') r = Buffer.from(b64, 'base64')
console.log(step, (performance.now()-t0).toFixed(1), 'ms', ((process.resourceUsage().maxRSS*1024 - before)/1e6).toFixed(1), 'MB', typeof r)
