// Peak memory of decoding one payload, measured in a fresh process so that nothing else the
// benchmark did (other payloads, peers, garbage not yet collected) is counted.
//
// Careful with process.resourceUsage().maxRSS: on Linux a spawned child starts with its parent's
// high-water mark (fork copies the parent's memory map, exec records its peak), so a child of this
// 300 MB benchmark "peaks" at 300 MB before doing anything. Linux keeps the new program's own peak in
// /proc/self/status (VmHWM), and lets a process reset it (clear_refs 5) right before the step
// measured; maxRSS is the fallback elsewhere, and can only err on the high side.
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { decodeResponse } from '../../../main/xmlrpc/decode'

export const MEMORY_CHILD_FLAG = '--memory-child'

export interface MemoryFigures {
  /** RSS just before decoding, with the payload bytes already loaded. */
  before: number
  /** Peak RSS while decoding. */
  peak: number
  growth: number
  /** Where the peak came from: 'VmHWM' (reset before decoding) or 'maxRSS' (whole life). */
  source: string
}

function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5')
    return true
  } catch {
    return false
  }
}

function peakRss(exact: boolean): [number, string] {
  if (exact) {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))
    if (m) return [Number(m[1]) * 1024, 'VmHWM']
  }
  return [process.resourceUsage().maxRSS * 1024, 'maxRSS']
}

/** Runs in the child: load the bytes, warm the code up on a tiny document, then decode once. */
export function memoryChild(file: string): void {
  const bytes = readFileSync(file)
  decodeResponse(
    '<methodResponse><params><param><value><base64>AAAA</base64></value></param></params></methodResponse>',
  )
  const exact = resetPeak()
  const before = process.memoryUsage().rss
  const decoded = decodeResponse(bytes)
  const [peak, source] = peakRss(exact)
  const size = decoded.kind === 'value' && decoded.value instanceof Uint8Array ? decoded.value.byteLength : -1
  process.stdout.write(JSON.stringify({ before, peak, growth: peak - before, source, size }))
}

/** Spawns this same program with the child flag and reads its figures. */
export async function measureDecodeMemory(file: string): Promise<MemoryFigures> {
  const child = spawn(process.execPath, [process.argv[1], MEMORY_CHILD_FLAG, file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  if (code !== 0) throw new Error(`memory child exited with ${code}`)
  const r = JSON.parse(out) as MemoryFigures & { size: number }
  if (r.size <= 0) throw new Error('memory child did not decode the enclosure')
  return r
}
