import { encodeResponse } from '../../../main/xmlrpc/encode'
import { decodeResponse } from '../../../main/xmlrpc/decode'
import { bodyToText } from '../../../main/xmlrpc/body-text'
import { decodeBase64 } from '../../../main/xmlrpc/base64'
import { XmlScanner } from '../../../main/xmlrpc/xml-scanner'
const step = process.argv[2]
const bytes = Buffer.alloc(20*1024*1024, 7)
const doc = Buffer.from(encodeResponse(bytes))
const before = process.memoryUsage().rss
const t0 = performance.now()
let r: unknown
if (step === 'decode') r = decodeResponse(doc)
if (step === 'text') r = bodyToText(doc)
if (step === 'b64') { const t = doc.toString('latin1'); r = decodeBase64(t.slice(t.indexOf('<base64>')+8, t.indexOf('</base64>'))) }
if (step === 'scan') { const sc = new XmlScanner(doc.toString('latin1')); sc.prolog(); sc.open('methodResponse'); sc.open('params'); sc.open('param'); sc.open('value'); sc.open('base64'); r = sc.text() ; (r as string).charCodeAt(5)}
console.log(step, (performance.now()-t0).toFixed(1), 'ms', ((process.resourceUsage().maxRSS*1024 - before)/1e6).toFixed(1), 'MB', typeof r)
