// 10,000 drafts benchmark (issue 18): a data folder of 10,000 drafts shaped like a writer's
// (titles and bodies with non-ASCII text, a few KB each). Measures, medians of 5:
//  - the core's first drafts.list in a fresh process, without and with the index cache;
//  - a search (drafts.list with text, folded: "grusse" finds "Grüße") on a warm core;
//  - in Chromium: navigation → the first draft of the list visible; the DOM rows it rendered;
//  - the serve process's peak memory.
// Targets: opens and lists ≤ 1 s, a search answers ≤ 100 ms. Needs a build (`npm run build`).
//   node scripts/run-ts.mjs scripts/bench/drafts.ts
import { chromium } from '@playwright/test'
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { seededRandom } from '../../main/base/seeded-random'
import { startHost } from '../../e2e/app-host'

const COUNT = Number(process.env.BENCH_DRAFTS ?? 10_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))

if (process.argv[2] === '--core-child') await coreChild(process.argv[3])
else await main()

/** One fresh process: open the core on the folder, list once, search; prints JSON timings. */
async function coreChild(dataDir: string): Promise<void> {
  const { startCore } = await import('../../main/app/core/core')
  const t0 = performance.now()
  const core = await startCore({ dataDir, face: 'test', sandbox: false } as never)
  const started = performance.now()
  const list = await core.invoke('drafts.list', undefined)
  const listed = performance.now()
  if (!list.ok || list.value.length !== COUNT)
    throw new Error(`listed ${list.ok ? list.value.length : list.error.message}`)
  const searches: number[] = []
  let hits = 0
  for (const text of ['grusse', 'harbour lights', 'zzzz-nothing', 'cafe creme']) {
    const s0 = performance.now()
    const r = await core.invoke('drafts.list', { text })
    searches.push(performance.now() - s0)
    if (text === 'grusse' && r.ok) hits = r.value.length
  }
  await core.close()
  console.log(JSON.stringify({ start: started - t0, list: listed - started, searches, hits }))
  process.exit(0)
}

function writeDrafts(dataDir: string): void {
  const rnd = seededRandom(18)
  const words = ['harbour', 'lights', 'tide', 'café', 'crème', 'über', 'naïve', 'señor', 'fjord', 'evening']
  const para = () => Array.from({ length: 60 }, () => words[Math.floor(rnd() * words.length)]).join(' ')
  mkdirSync(join(dataDir, 'drafts'), { recursive: true })
  const base = Date.parse('2024-01-01T00:00:00Z')
  for (let i = 0; i < COUNT; i++) {
    const id = `bench-${String(i).padStart(5, '0')}`
    const at = new Date(base + i * 60_000).toISOString()
    const draft = {
      id,
      kind: i % 3 === 0 ? 'post' : 'page',
      format: 'html',
      title: `${i % 500 === 0 ? 'Grüße' : 'Notes'} ${i}`,
      body: `<p>${para()}</p>\n<p>${para()}</p>\n<p>${para()}</p>`,
      accountId: null,
      relativePath: `notes-${i}.html`,
      createdAt: at,
      updatedAt: at,
      revision: 1,
      published: [],
    }
    writeFileSync(join(dataDir, 'drafts', `${id}.json`), `${JSON.stringify(draft, null, 2)}\n`)
  }
}

function runCore(dataDir: string): { start: number; list: number; searches: number[]; hits: number } {
  const r = spawnSync(
    process.execPath,
    ['scripts/run-ts.mjs', fileURLToPath(import.meta.url), '--core-child', dataDir],
    { encoding: 'utf8', env: { ...process.env, BENCH_DRAFTS: String(COUNT) } },
  )
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'))
  if (!line) throw new Error(`core child failed:\n${r.stdout}\n${r.stderr}`)
  return JSON.parse(line)
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'upstream-bench-drafts-'))
  writeDrafts(dataDir)
  const cache = join(dataDir, 'cache', 'drafts-index.json')
  const cold: number[] = []
  const warm: number[] = []
  const search: number[] = []
  let hits = 0
  for (let i = 0; i < RUNS; i++) {
    rmSync(cache, { force: true })
    cold.push(runCore(dataDir).list)
    const w = runCore(dataDir) // the cold run above wrote the cache when it closed
    warm.push(w.list)
    search.push(...w.searches)
    hits = w.hits
  }

  const ui: number[] = []
  let rows = 0
  let peakMb = 0
  for (let i = 0; i < RUNS; i++) {
    const host = await startHost(dataDir)
    const browser = await chromium.launch({ executablePath, headless: true })
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
      const t0 = performance.now()
      await page.goto(host.url)
      await page
        .getByRole('complementary', { name: 'Drafts' })
        .getByRole('button', { name: new RegExp(`Notes ${COUNT - 1}\\b`) })
        .waitFor({ timeout: 60_000 })
      ui.push(performance.now() - t0)
      rows = await page.locator('.draft-item').count()
      peakMb = Math.max(peakMb, peakRssMb(host.port))
    } finally {
      await browser.close()
      await host.stopKeepingData()
    }
  }
  rmSync(dataDir, { recursive: true, force: true })

  const verdict = (ms: number, target: number) =>
    ms <= target ? `PASS (≤ ${target} ms)` : `FAIL (target ≤ ${target} ms)`
  console.log(`${COUNT} drafts, medians of ${RUNS}:`)
  console.log(`  core, first list without the index cache   ${Math.round(median(cold))} ms`)
  console.log(`  core, first list with the index cache      ${Math.round(median(warm))} ms`)
  console.log(
    `  search (folded, ${hits} hits for "grusse")    ${median(search).toFixed(1)} ms  ${verdict(median(search), 100)}`,
  )
  console.log(`  app: navigation → list visible (Chromium)  ${Math.round(median(ui))} ms  ${verdict(median(ui), 1000)}`)
  console.log(`  rows in the DOM: ${rows} of ${COUNT}; serve process peak ${peakMb.toFixed(0)} MB`)
  process.exit(median(search) <= 100 && median(ui) <= 1000 ? 0 : 1)
}

/** VmHWM of the process listening on `port` (Linux). */
function peakRssMb(port: number): number {
  try {
    const out = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' })
    const pid = /pid=(\d+)/.exec(out)?.[1]
    if (!pid) return 0
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb ? Number(kb) / 1024 : 0
  } catch {
    return 0
  }
}
