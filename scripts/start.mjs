#!/usr/bin/env node
// `npm start`: the Electron window where the Electron binary can start; otherwise the same app
// served to a browser, said in one clear line. Extra arguments go to `upstream serve`.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return require('electron')
  try {
    const path = require('electron') // electron ≥45 downloads its binary on first use
    return typeof path === 'string' && existsSync(path) ? path : undefined
  } catch {
    return undefined
  }
}

let bin = electronBinary()
if (!bin) {
  // Give electron's own installer one chance to fetch the binary (needs internet).
  spawnSync(process.execPath, ['node_modules/electron/install.js'], { stdio: 'ignore', timeout: 120_000 })
  bin = electronBinary()
}
const canRun = bin && spawnSync(bin, ['--version'], { stdio: 'ignore', timeout: 20_000, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }).status === 0
if (canRun) {
  const child = spawn(bin, ['.', ...process.argv.slice(2)], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log('Electron cannot start on this machine (its binary is missing and could not be downloaded); serving Upstream to your browser instead.')
  const child = spawn(process.execPath, ['out/node/cli.mjs', 'serve', ...process.argv.slice(2)], { stdio: 'inherit' })
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
  child.on('exit', (code) => process.exit(code ?? 0))
}
