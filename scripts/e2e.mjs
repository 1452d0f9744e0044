#!/usr/bin/env node
// Runs the Playwright e2e suite against the browser host in Chromium, then checks the report:
// tests must have run, and nothing may be skipped except the Electron spec when no Electron binary
// can start here. Prints "e2e: N passed, M failed".
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'

const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))
let browser = process.env.UPSTREAM_CHROMIUM || system
if (!browser) {
  try {
    const { chromium } = await import('@playwright/test')
    if (existsSync(chromium.executablePath())) browser = chromium.executablePath()
  } catch {}
}
if (!browser) {
  console.error(
    'e2e: no Chromium found. Install one with `npx playwright install chromium` or your system package (`apt-get install chromium`).',
  )
  process.exit(1)
}

const report = 'test-results/e2e-report.json'
rmSync(report, { force: true })
const r = spawnSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
})
if (!existsSync(report)) {
  console.error('e2e: Playwright wrote no report; it did not run.')
  process.exit(r.status || 1)
}
const { suites } = JSON.parse(readFileSync(report, 'utf8'))
let passed = 0,
  failed = 0,
  allowedSkips = 0
const unexpectedSkips = []
const walk = (suite, titles) => {
  for (const s of suite.suites ?? []) walk(s, [...titles, s.title])
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests) {
      const status = t.results.at(-1)?.status
      const name = [...titles, spec.title].join(' › ')
      if (status === 'skipped') {
        if (name.includes('@electron')) allowedSkips++
        else unexpectedSkips.push(name)
      } else if (t.status === 'expected') passed++
      else failed++
    }
  }
}
for (const s of suites) walk(s, [s.title])
for (const name of unexpectedSkips) console.error(`e2e: unexpected skip: ${name}`)
failed += unexpectedSkips.length
if (allowedSkips)
  console.log(`e2e: ${allowedSkips} Electron test(s) skipped: no Electron binary can start on this machine.`)
console.log(`e2e: ${passed} passed, ${failed} failed`)
process.exit(failed === 0 && passed > 0 && r.status === 0 ? 0 : 1)
