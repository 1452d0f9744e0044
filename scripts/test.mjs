#!/usr/bin/env node
// `npm test`, the full proof CI runs: build every face (skipped when the build is up to date), typecheck
// each environment, the static checks (ESLint, Prettier, layering), the unit/integration tests (Vitest),
// then the e2e suite in Chromium. Prints each step's time and ends with one line "N passed, M failed".
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'

const times = []
const step = (title, cmd, args) => {
  console.log(`\n── ${title} ──`)
  const started = Date.now()
  const status = spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1
  times.push(`${title} ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return status
}
const node = process.execPath
const tsc = 'node_modules/typescript/bin/tsc'
const mustPass = (status) => {
  if (status === 0) return
  console.log(`\n${times.join(' · ')}`)
  process.exit(1)
}
mkdirSync('test-results', { recursive: true })

mustPass(step('build', node, ['scripts/build.mjs', '--quiet', '--if-needed']))
for (const env of ['core', 'renderer', 'tests'])
  mustPass(step(`typecheck ${env}`, node, [tsc, '-p', `tsconfig.${env}.json`]))
mustPass(step('lint: ESLint, Prettier, layering', node, ['scripts/lint.mjs']))

const unitStatus = step('unit and integration tests (vitest)', node, [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
])
let unitPassed = 0,
  unitFailed = unitStatus === 0 ? 0 : 1
if (existsSync('test-results/vitest.json')) {
  const v = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'))
  unitPassed = v.numPassedTests
  unitFailed = v.numFailedTests + (unitStatus !== 0 && v.numFailedTests === 0 ? 1 : 0)
}
const e2eStarted = Date.now()
const e2e = spawnSync(node, ['scripts/e2e.mjs'], { stdio: ['inherit', 'pipe', 'inherit'], encoding: 'utf8' })
times.push(`e2e ${((Date.now() - e2eStarted) / 1000).toFixed(1)} s`)
process.stdout.write(e2e.stdout ?? '')
const m = /e2e: (\d+) passed, (\d+) failed/.exec(e2e.stdout ?? '')
const e2ePassed = m ? Number(m[1]) : 0
const e2eFailed = m ? Number(m[2]) : 1
console.log(`\n${times.join(' · ')}`)
console.log(`\nunit: ${unitPassed} passed, ${unitFailed} failed · e2e: ${e2ePassed} passed, ${e2eFailed} failed`)
console.log(`${unitPassed + e2ePassed} passed, ${unitFailed + e2eFailed} failed`)
process.exit(unitStatus === 0 && e2e.status === 0 ? 0 : 1)
