// Site sync benchmark (issues 7 and 18): a site of 5 KB files upstreamed to the sandbox on loopback
// with requests capped at 1 MiB. The ratio is measured at equal size in the same run: the batched
// sync of a 2,000-file site and one saveMultipleFiles call per file for the same 2,000 files, each on
// a fresh sandbox child. A 10,000-file site's batched sync is printed as an absolute, with its
// no-change re-sync against a bare stat of every site file. PASS/FAIL per target; exits 1 if one is missed.
//   node scripts/run-ts.mjs scripts/bench/site-sync.ts
import { statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { siteLocations } from '../../main/weblog/site-locations'
import { syncSite } from '../../main/weblog/site-sync'
import { saveWeblogConfig } from '../../main/weblog/config-store'
import { defaultWeblogConfig } from '../../main/weblog/weblog-config'
import { createXmlRpcClient } from '../../main/xmlrpc/client'
import { perFileUpload } from './site-sync/per-file-baseline'
import { BENCH_USER, SANDBOX_CHILD_FLAG, sandboxChild, startChildSandbox } from './site-sync/sandbox-child'
import { writeSiteFiles } from './site-sync/site-files'

const SMALL = 2_000
const LARGE = 10_000
const SIZE = 5 * 1024

if (process.argv[2] === SANDBOX_CHILD_FLAG) await sandboxChild(process.argv[3])
else await main()

type Run = { ms: number; report: Awaited<ReturnType<typeof syncSite>>; requests: { bytes: number }[] }

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'site-sync-bench-'))
  const script = fileURLToPath(import.meta.url)
  const dataDir = join(work, 'data')
  const fresh = (name: string) => startChildSandbox(script, join(work, name))
  // Every request body's size, from the Content-Length the transport sets.
  const requests: { bytes: number }[] = []
  const countingFetch: typeof fetch = (input, init) => {
    requests.push({ bytes: Number(new Headers(init?.headers).get('content-length') ?? 0) })
    return fetch(input, init)
  }
  const site = async (id: string, files: number, endpoint: string, usernum: string) => {
    const account = { id, name: `Bench weblog ${id}`, url: endpoint, usernum }
    const loc = siteLocations(dataDir, id)
    await saveWeblogConfig(loc, defaultWeblogConfig(account.name, 'UTC'))
    const paths = await writeSiteFiles(loc.defaultSiteDir, files, SIZE)
    const sync = async (): Promise<Run> => {
      const from = requests.length
      const t = performance.now()
      const clientFor = (url: string) => createXmlRpcClient(url, { fetch: countingFetch })
      const report = await syncSite({ dataDir, account, password: BENCH_USER.password, clientFor })
      return { ms: performance.now() - t, report, requests: requests.slice(from) }
    }
    return { paths, siteDir: loc.defaultSiteDir, sync }
  }
  const servers: Awaited<ReturnType<typeof fresh>>[] = []
  const started = async (name: string) => {
    const s = await fresh(name)
    servers.push(s)
    return s
  }
  try {
    const a = await started('server-batched-small')
    const small = await site('small', SMALL, a.endpoint, a.usernum)
    const batchedSmall = await small.sync()
    const b = await started('server-per-file')
    const perFile = await perFileUpload(b, small.siteDir, small.paths)
    const c = await started('server-batched-large')
    const large = await site('large', LARGE, c.endpoint, c.usernum)
    const initial = await large.sync()
    const again = await large.sync()
    const statMs = timeStats(large.siteDir, large.paths)
    report({ batchedSmall, perFile, initial, again, statMs })
  } finally {
    for (const s of servers) await s.close()
    await rm(work, { recursive: true, force: true })
  }
}

/** A bare stat of every site file, synchronous as the scan's are: the floor a scanning re-sync is held to. */
function timeStats(siteDir: string, paths: readonly string[]): number {
  const t = performance.now()
  for (const p of paths) statSync(join(siteDir, ...p.split('/')))
  return performance.now() - t
}

function report(r: {
  batchedSmall: Run
  perFile: { ms: number; calls: number }
  initial: Run
  again: Run
  statMs: number
}): void {
  const { batchedSmall, perFile, initial, again, statMs } = r
  const sent = (run: Run) => run.report.results.filter((x) => x.ok && x.op === 'upload').length
  const largest = Math.max(...initial.requests.map((x) => x.bytes), ...batchedSmall.requests.map((x) => x.bytes))
  const cap = 1024 * 1024
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
  console.log(`site files of ${SIZE} bytes; requests capped at ${cap} bytes; each sandbox fresh, in its own process`)
  console.log(
    `${SMALL} files, batched sync:   ${s(batchedSmall.ms)}  ${batchedSmall.report.calls.save} saveMultipleFiles calls`,
  )
  console.log(`${SMALL} files, one call each: ${s(perFile.ms)}  ${perFile.calls} saveMultipleFiles calls, all timed`)
  console.log(
    `${LARGE} files, batched sync:  ${s(initial.ms)}  ${initial.report.calls.save} calls, ${sent(initial)} files confirmed, largest request ${largest} bytes`,
  )
  console.log(
    `${LARGE} files, no-change re-sync: ${again.ms.toFixed(0)} ms (${again.report.calls.save} upload calls, ${again.requests.length} requests); bare stat of every file: ${statMs.toFixed(0)} ms`,
  )
  const speedup = perFile.ms / batchedSmall.ms
  const scan = again.ms / statMs
  const targets: [string, boolean][] = [
    [
      `every file sent (${sent(batchedSmall)} of ${SMALL}, ${sent(initial)} of ${LARGE})`,
      sent(batchedSmall) === SMALL && sent(initial) === LARGE,
    ],
    [`no request over the cap (${largest} ≤ ${cap} bytes)`, largest <= cap],
    [
      `batched sync ≥ 20× faster than one call per file at ${SMALL} files, measured (${speedup.toFixed(1)}×)`,
      speedup >= 20,
    ],
    [
      `no-change re-sync makes zero upload calls (${again.report.calls.save})`,
      again.report.calls.save === 0 && again.report.calls.delete === 0,
    ],
    [`no-change re-sync ≤ 1.5× a bare stat of every file (${scan.toFixed(2)}×)`, scan <= 1.5],
  ]
  for (const [label, ok] of targets) console.log(`${ok ? 'PASS' : 'FAIL'}  ${label}`)
  if (targets.some(([, ok]) => !ok)) process.exitCode = 1
}
