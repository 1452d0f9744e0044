#!/usr/bin/env node
// `npm run lint`: ESLint (eslint.config.js, cached), Prettier's check, and the layering check
// (.dependency-cruiser.cjs). `--eslint`, `--format` or `--layers` runs only those. Prints each one's time.
import { spawnSync } from 'node:child_process'

const checks = {
  eslint: ['node_modules/eslint/bin/eslint.js', '--cache', '--cache-location', 'node_modules/.cache/eslint/', '.'],
  format: [
    'node_modules/prettier/bin/prettier.cjs',
    ...['--check', '--log-level', 'warn', '--cache', '--cache-strategy', 'content', '.'],
  ],
  layers: [
    'node_modules/dependency-cruiser/bin/dependency-cruise.mjs',
    ...['main', 'shared', 'renderer/src'],
    ...['--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
  ],
}
const chosen = Object.keys(checks).filter((name) => process.argv.includes(`--${name}`))
let failed = false
const times = []
for (const name of chosen.length ? chosen : Object.keys(checks)) {
  const started = Date.now()
  const status = spawnSync(process.execPath, checks[name], { stdio: 'inherit' }).status
  times.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s${status === 0 ? '' : ' FAILED'}`)
  failed ||= status !== 0
}
console.log(`lint: ${times.join(' · ')}`)
process.exit(failed ? 1 : 0)
