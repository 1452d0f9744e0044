#!/usr/bin/env node
// `npm test`: build every face, typecheck, run the unit/integration tests (Vitest), then the e2e
// suite in Chromium. Ends with one line "N passed, M failed" across both.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'

const step = (title, cmd, args) => {
  console.log(`\n── ${title} ──`)
  return spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1
}
const node = process.execPath
mkdirSync('test-results', { recursive: true })

if (step('build', node, ['scripts/build.mjs', '--quiet']) !== 0) process.exit(1)
if (step('typecheck', node, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']) !== 0)
  process.exit(1)
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
const e2e = spawnSync(node, ['scripts/e2e.mjs'], { stdio: ['inherit', 'pipe', 'inherit'], encoding: 'utf8' })
process.stdout.write(e2e.stdout ?? '')
const m = /e2e: (\d+) passed, (\d+) failed/.exec(e2e.stdout ?? '')
const e2ePassed = m ? Number(m[1]) : 0
const e2eFailed = m ? Number(m[2]) : 1
console.log(`\nunit: ${unitPassed} passed, ${unitFailed} failed · e2e: ${e2ePassed} passed, ${e2eFailed} failed`)
console.log(`${unitPassed + e2ePassed} passed, ${unitFailed + e2eFailed} failed`)
process.exit(unitStatus === 0 && e2e.status === 0 ? 0 : 1)
