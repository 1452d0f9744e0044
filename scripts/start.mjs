#!/usr/bin/env node
// `npm start`: the Electron window where the Electron binary can start; otherwise the same app
// served to a browser, said in one clear line. Extra arguments go to `upstream serve`.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

// Resolves the binary the way electron's index.js does, without its download-on-require side effect.
function electronBinary() {
  const dir = dirname(require.resolve('electron/package.json'))
  const name = existsSync(join(dir, 'path.txt'))
    ? readFileSync(join(dir, 'path.txt'), 'utf8')
    : process.platform === 'win32'
      ? 'electron.exe'
      : 'electron'
  const full = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, name)
    : join(dir, 'dist', name)
  return existsSync(full) ? full : undefined
}

let bin = electronBinary()
if (!bin) {
  // Electron ≥45 fetches its binary on first use; give its installer one quiet chance (needs internet).
  spawnSync(process.execPath, [join(dirname(require.resolve('electron/package.json')), 'install.js')], {
    stdio: 'ignore',
    timeout: 120_000,
  })
  bin = electronBinary()
}
const canRun =
  bin &&
  spawnSync(bin, ['--version'], {
    stdio: 'ignore',
    timeout: 20_000,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  }).status === 0
if (canRun) {
  const child = spawn(bin, ['.', ...process.argv.slice(2)], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log(
    'Electron cannot start on this machine (its binary is missing and could not be downloaded); serving Upstream to your browser instead.',
  )
  const child = spawn(process.execPath, ['out/node/cli.mjs', 'serve', ...process.argv.slice(2)], { stdio: 'inherit' })
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
  child.on('exit', (code) => process.exit(code ?? 0))
}
