#!/usr/bin/env node
// `npm run lint`: ESLint (eslint.config.js, cached), Prettier's check (cached), and the layering check
// (.dependency-cruiser.cjs), run side by side; each one's output is printed whole, then the times.
// `--eslint`, `--format` or `--layers` runs only those.
import { spawn } from 'node:child_process'

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

const run = (name) =>
  new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(process.execPath, checks[name], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('close', (status) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      resolve({ name, output, ok: status === 0, time: `${name} ${seconds} s${status === 0 ? '' : ' FAILED'}` })
    })
  })

const chosen = Object.keys(checks).filter((name) => process.argv.includes(`--${name}`))
const results = await Promise.all((chosen.length ? chosen : Object.keys(checks)).map(run))
for (const r of results) if (r.output.trim()) process.stdout.write(`── ${r.name} ──\n${r.output}\n`)
console.log(`lint: ${results.map((r) => r.time).join(' · ')}`)
process.exit(results.every((r) => r.ok) ? 0 : 1)
