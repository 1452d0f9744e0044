// Site sync benchmark (issue 7): 10,000 files of 5 KB upstreamed to the sandbox on loopback with
// requests capped at 1 MiB, against one saveMultipleFiles call per file as Radio sent them,
// measured in the same run. Prints PASS/FAIL per target; exits 1 if one is missed.
//   node scripts/run-ts.mjs scripts/bench/site-sync.ts
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { siteLocations } from '../../main/weblog/site-locations'
import { syncSite } from '../../main/weblog/site-sync'
import { saveWeblogConfig } from '../../main/weblog/config-store'
import { defaultWeblogConfig } from '../../main/weblog/weblog-config'
import { createXmlRpcClient } from '../../main/xmlrpc/client'
import { perFileBaseline } from './site-sync/per-file-baseline'
import { BENCH_USER, SANDBOX_CHILD_FLAG, sandboxChild, startChildSandbox } from './site-sync/sandbox-child'
import { writeSiteFiles } from './site-sync/site-files'

const FILES = 10_000
const SIZE = 5 * 1024

if (process.argv[2] === SANDBOX_CHILD_FLAG) await sandboxChild(process.argv[3])
else await main()

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'site-sync-bench-'))
  const script = fileURLToPath(import.meta.url)
  const servers = [
    await startChildSandbox(script, join(work, 'server-a')),
    await startChildSandbox(script, join(work, 'server-b')),
  ]
  try {
    const [a, b] = servers
    const dataDir = join(work, 'data')
    const account = { id: 'bench', name: 'Bench weblog', url: a.endpoint, usernum: a.usernum }
    const loc = siteLocations(dataDir, account.id)
    const config = defaultWeblogConfig(account.name, 'UTC')
    await saveWeblogConfig(loc, config)
    const paths = await writeSiteFiles(loc.defaultSiteDir, FILES, SIZE)

    // Every request body's size, from the Content-Length the transport sets.
    const requests: { bytes: number }[] = []
    const countingFetch: typeof fetch = (input, init) => {
      requests.push({ bytes: Number(new Headers(init?.headers).get('content-length') ?? 0) })
      return fetch(input, init)
    }
    const clientFor = (url: string) => createXmlRpcClient(url, { fetch: countingFetch })
    const sync = async () => {
      const from = requests.length
      const t = performance.now()
      const report = await syncSite({ dataDir, account, password: BENCH_USER.password, clientFor })
      return { ms: performance.now() - t, report, requests: requests.slice(from) }
    }

    const initial = await sync()
    const again = await sync()
    const baseline = await perFileBaseline(b, loc.defaultSiteDir, paths, 5, 200)
    report(initial, again, baseline, config.maxRequestBytes)
  } finally {
    for (const s of servers) await s.close()
    await rm(work, { recursive: true, force: true })
  }
}

type Run = { ms: number; report: Awaited<ReturnType<typeof syncSite>>; requests: { bytes: number }[] }

function report(initial: Run, again: Run, baseline: Awaited<ReturnType<typeof perFileBaseline>>, cap: number): void {
  const sent = initial.report.results.filter((r) => r.ok && r.op === 'upload').length
  const largest = Math.max(...initial.requests.map((r) => r.bytes))
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
  console.log(
    `site: ${FILES} files of ${SIZE} bytes; requests capped at ${cap} bytes; sandbox in its own process on 127.0.0.1`,
  )
  console.log(
    `initial sync:        ${s(initial.ms)}  ${initial.report.calls.save} saveMultipleFiles calls, ${sent} files confirmed, largest request ${largest} bytes`,
  )
  console.log(
    `no-change re-sync:   ${s(again.ms)}  ${again.report.calls.save} upload calls, ${again.requests.length} requests of any kind`,
  )
  console.log(
    `one call per file:   ${baseline.calls} calls timed, ${baseline.strata.length} strata of the run (server holding ${baseline.strata.map((x) => x.atFiles).join(', ')} files):`,
  )
  console.log(
    `                     ${baseline.strata.map((x) => `${x.msPerCall.toFixed(2)} ms`).join(', ')} per call → ${s(baseline.estimateMs)} estimated for ${FILES} files`,
  )
  const speedup = baseline.estimateMs / initial.ms
  const share = again.ms / initial.ms
  const targets: [string, boolean][] = [
    [`every file sent (${sent} of ${FILES})`, sent === FILES],
    [`no request over the cap (${largest} ≤ ${cap} bytes)`, largest <= cap],
    [`initial sync ≥ 20× faster than one call per file (${speedup.toFixed(1)}×)`, speedup >= 20],
    [
      `no-change re-sync makes zero upload calls (${again.report.calls.save})`,
      again.report.calls.save === 0 && again.report.calls.delete === 0,
    ],
    [`no-change re-sync < 5% of the initial sync (${(share * 100).toFixed(1)}%)`, share < 0.05],
  ]
  for (const [label, ok] of targets) console.log(`${ok ? 'PASS' : 'FAIL'}  ${label}`)
  if (targets.some(([, ok]) => !ok)) process.exitCode = 1
}
