// XML-RPC codec benchmark (issue 3): encode and decode throughput of our codec against Python's
// xmlrpc.client and the `xmlrpc` npm package, measured in the same run on the same bytes, plus
// peak memory decoding the 20 MB enclosure. Prints PASS/FAIL per target; exits 1 if one is missed.
//   node scripts/run-ts.mjs scripts/bench/xmlrpc.ts
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decodeCall, decodeResponse } from '../../main/xmlrpc/decode'
import { encodeCall, encodeResponse } from '../../main/xmlrpc/encode'
import { npmDecodeCall, npmDecodeResponse, npmSerializer } from '../../main/xmlrpc/testing/npm-xmlrpc'
import { measureDecodeMemory, MEMORY_CHILD_FLAG, memoryChild, type MemoryFigures } from './xmlrpc/memory'
import { bigEnclosure, saveMultipleFiles, type Payload } from './xmlrpc/payloads'
import { timePython, type PeerTimes } from './xmlrpc/python-peer'
import { bestOf, bestOfAsync } from './xmlrpc/timing'

if (process.argv[2] === MEMORY_CHILD_FLAG) memoryChild(process.argv[3])
else await main()

async function main(): Promise<void> {
  const a = saveMultipleFiles()
  const b = bigEnclosure()
  const payloads = [...a, b]
  const runs = (p: Payload) => (p === b ? 8 : 15)
  const dir = mkdtempSync(join(tmpdir(), 'xmlrpc-bench-'))
  try {
    const ours = timeOurs(payloads, runs)
    const python = await timePython(
      dir,
      payloads.map((p) => ({ name: p.name, kind: p.kind, bytes: p.bytes, runs: runs(p) })),
    )
    const npm = await timeNpm(payloads)
    writeFileSync(join(dir, 'b.xml'), b.bytes)
    const memory = await measureDecodeMemory(join(dir, 'b.xml'))
    report(payloads, ours, python, npm, memory, b.bytes.length)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function timeOurs(payloads: Payload[], runs: (p: Payload) => number): PeerTimes {
  const out: PeerTimes = {}
  for (const p of payloads) {
    const decode = p.kind === 'call' ? () => decodeCall(p.bytes) : () => decodeResponse(p.bytes)
    // Encoding is timed to wire bytes, as Python's is (dumps(...).encode()).
    const encode =
      p.kind === 'call'
        ? () => Buffer.from(encodeCall(p.method!, p.params))
        : () => Buffer.from(encodeResponse(p.params[0]))
    out[p.name] = { decode: bestOf(runs(p), decode), encode: bestOf(runs(p), encode) }
  }
  return out
}

async function timeNpm(payloads: Payload[]): Promise<PeerTimes> {
  const out: PeerTimes = {}
  for (const p of payloads) {
    const decode = p.kind === 'call' ? () => npmDecodeCall(p.bytes) : () => npmDecodeResponse(p.bytes)
    const encode =
      p.kind === 'call'
        ? () => Buffer.from(npmSerializer.serializeMethodCall(p.method!, p.params))
        : () => Buffer.from(npmSerializer.serializeMethodResponse(p.params[0]))
    out[p.name] = { decode: await bestOfAsync(3, decode), encode: bestOf(3, encode) }
  }
  return out
}

function report(
  payloads: Payload[],
  ours: PeerTimes,
  python: PeerTimes,
  npm: PeerTimes,
  memory: MemoryFigures,
  bSize: number,
): void {
  const memoryGrowth = memory.growth
  const mb = (n: number) => n / 1e6
  const rows: string[][] = [['payload', 'op', 'MB', 'ours MB/s', 'python MB/s', 'npm MB/s', 'ours/python', 'ours/npm']]
  const ratio: Record<string, number> = {}
  for (const p of payloads) {
    for (const op of ['decode', 'encode'] as const) {
      const size = mb(p.bytes.length)
      const [o, py, n] = [ours, python, npm].map((t) => size / t[p.name][op])
      ratio[`${op} ${p.name}`] = o / py
      rows.push([
        p.name,
        op,
        size.toFixed(1),
        o.toFixed(0),
        py.toFixed(0),
        n.toFixed(0),
        (o / py).toFixed(2) + '×',
        (o / n).toFixed(1) + '×',
      ])
    }
  }
  console.log(
    'Throughput = payload bytes (our encoding) / best time; each implementation works on the same bytes and values.',
  )
  printTable(rows)
  console.log(
    `Peak memory decoding (b), fresh process: RSS ${mb(memory.before).toFixed(1)} MB with the payload loaded → peak ${mb(memory.peak).toFixed(1)} MB (${memory.source}): ` +
      `+${mb(memoryGrowth).toFixed(1)} MB = ${(memoryGrowth / bSize).toFixed(2)}× the ${mb(bSize).toFixed(1)} MB payload\n`,
  )
  const targets: [string, boolean, string][] = [
    ...['a call', 'a response', 'b response'].map((n): [string, boolean, string] => [
      `decode ${n} ≥ 1.5× Python`,
      ratio[`decode ${n}`] >= 1.5,
      ratio[`decode ${n}`].toFixed(2) + '×',
    ]),
    ...['a call', 'a response', 'b response'].map((n): [string, boolean, string] => [
      `encode ${n} ≥ 1× Python`,
      ratio[`encode ${n}`] >= 1,
      ratio[`encode ${n}`].toFixed(2) + '×',
    ]),
    ['peak memory decoding (b) < 4× payload', memoryGrowth < 4 * bSize, (memoryGrowth / bSize).toFixed(2) + '×'],
  ]
  for (const [what, ok, figure] of targets) console.log(`${ok ? 'PASS' : 'FAIL'}  ${what}  (${figure})`)
  if (targets.some(([, ok]) => !ok)) process.exitCode = 1
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  for (const [n, r] of rows.entries()) {
    console.log(r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '))
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  }
}
