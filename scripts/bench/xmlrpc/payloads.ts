import { seededRandom } from '../../../main/base/seeded-random'
// The two benchmark payloads of issue 3, built deterministically (a seeded generator, no clock,
// no randomness from the system) so every run and every peer works on the same bytes.
import { createHash } from 'node:crypto'
import { encodeCall, encodeResponse } from '../../../main/xmlrpc/encode'
import type { XmlRpcValue } from '../../../main/xmlrpc/values'

export interface Payload {
  /** Short name used in the table and on the command line. */
  name: string
  kind: 'call' | 'response'
  /** The document as it goes on the wire. */
  bytes: Buffer
  /** What encodes to `bytes`: the method (calls) and params (for a response, one value). */
  method?: string
  params: XmlRpcValue[]
}

/** Seeded, so payloads are the same in every run and don't compress to nothing. */
const generator = seededRandom

const WORDS = [
  'weblog',
  'upstream',
  'radio',
  'community',
  'server',
  'outline',
  'story',
  'enclosure',
  'river',
  'post',
  'the',
  'and',
  'of',
  'a',
  'to',
  'in',
]

/** One HTML page of exactly `size` bytes. */
function htmlPage(rand: () => number, n: number, size: number): Buffer {
  let body = `<!DOCTYPE html>\n<html><head><title>Page ${n}</title></head><body>\n`
  while (body.length < size) {
    let p = '<p>'
    for (let i = 0; i < 40; i++) p += WORDS[Math.floor(rand() * WORDS.length)] + (rand() < 0.05 ? ' &amp; ' : ' ')
    body += p + '</p>\n'
  }
  return Buffer.from(body.slice(0, size - 15) + '</body></html>\n', 'utf8')
}

/**
 * (a) saveMultipleFiles with 1,000 HTML files of 5 KB, as base64, and the echo response carrying the same four params.
 */
export function saveMultipleFiles(): Payload[] {
  const rand = generator(3)
  const paths: string[] = []
  const files: Buffer[] = []
  for (let i = 0; i < 1000; i++) {
    paths.push(`stories/2004/${String(i).padStart(4, '0')}.html`)
    files.push(htmlPage(rand, i, 5 * 1024))
  }
  const password = createHash('md5').update('secret').digest('hex')
  const params: XmlRpcValue[] = ['0122027', password, paths, files]
  const method = 'xmlStorageSystem.saveMultipleFiles'
  return [
    { name: 'a call', kind: 'call', method, params, bytes: Buffer.from(encodeCall(method, params)) },
    { name: 'a response', kind: 'response', params: [params], bytes: Buffer.from(encodeResponse(params)) },
  ]
}

/** (b) a response carrying one 20 MB enclosure (20 MiB of bytes, ~28 MB of base64). */
export function bigEnclosure(): Payload {
  const rand = generator(20)
  const bytes = Buffer.alloc(20 * 1024 * 1024)
  for (let i = 0; i < bytes.length; i += 4) bytes.writeUInt32LE(Math.floor(rand() * 4294967296), i)
  return { name: 'b response', kind: 'response', params: [bytes], bytes: Buffer.from(encodeResponse(bytes)) }
}
