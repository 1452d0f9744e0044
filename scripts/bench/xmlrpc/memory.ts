// Peak memory of decoding one payload, measured in a fresh process so that nothing else the
// benchmark did (other payloads, peers, garbage not yet collected) is counted.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { decodeResponse } from '../../../main/xmlrpc/decode'

export const MEMORY_CHILD_FLAG = '--memory-child'

export interface MemoryFigures {
  /** RSS just before decoding, with the payload bytes already loaded. */
  before: number
  /** The child's maximum RSS over its whole life (so the figure can only err on the high side). */
  peak: number
  growth: number
}

/** Runs in the child: load the bytes, warm the code up on a tiny document, then decode once. */
export function memoryChild(file: string): void {
  const bytes = readFileSync(file)
  decodeResponse('<methodResponse><params><param><value><base64>AAAA</base64></value></param></params></methodResponse>')
  const before = process.memoryUsage().rss
  const decoded = decodeResponse(bytes)
  const peak = process.resourceUsage().maxRSS * 1024
  const size = decoded.kind === 'value' && decoded.value instanceof Uint8Array ? decoded.value.byteLength : -1
  process.stdout.write(JSON.stringify({ before, peak, growth: peak - before, size }))
}

/** Spawns this same program with the child flag and reads its figures. */
export async function measureDecodeMemory(file: string): Promise<MemoryFigures> {
  const child = spawn(process.execPath, [process.argv[1], MEMORY_CHILD_FLAG, file], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  if (code !== 0) throw new Error(`memory child exited with ${code}`)
  const r = JSON.parse(out) as MemoryFigures & { size: number }
  if (r.size <= 0) throw new Error('memory child did not decode the enclosure')
  return r
}
