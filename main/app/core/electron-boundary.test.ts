import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

// The core, host, CLI and sandbox must run under plain Node: loading `electron` there would try to
// download a binary, and would couple the core to one face. This loads every built Node module with
// a resolution trap that throws on `electron` (ESM hooks and CommonJS require alike).
const trap = `
import { register } from 'node:module'
import Module from 'node:module'
const origResolve = Module._resolveFilename
Module._resolveFilename = function (request, ...rest) {
  if (request === 'electron' || request.startsWith('electron/')) throw new Error('ELECTRON-TRAP: require("' + request + '")')
  return origResolve.call(this, request, ...rest)
}
register('data:text/javascript,' + encodeURIComponent(\`
export async function resolve(specifier, context, next) {
  if (specifier === 'electron' || specifier.startsWith('electron/')) throw new Error('ELECTRON-TRAP: import "' + specifier + '"')
  return next(specifier, context)
}\`))
`

const probe = `
import { readdirSync } from 'node:fs'
const dir = process.argv[2], data = process.argv[3]
for (const f of readdirSync(dir).filter((f) => f.endsWith('.mjs') && f !== 'cli.mjs')) await import(dir + '/' + f)
const { startCore } = await import(dir + '/core.mjs')
const core = await startCore({ dataDir: data, face: 'test' })
const info = await core.invoke('app.info', undefined)
await core.close()
const { startSandbox } = await import(dir + '/sandbox.mjs')
const sb = await startSandbox({ dir: data + '/sb', port: 0 })
await sb.close()
console.log('LOADED', info.ok)
`

describe('the electron boundary', () => {
  it('no Node entry point (core, host, CLI, sandbox) loads electron, even through a dependency', () => {
    const outDir = join(process.cwd(), 'out/node')
    expect(existsSync(join(outDir, 'core.mjs')), 'run `npm run build` first').toBe(true)
    const work = mkdtempSync(join(tmpdir(), 'upstream-trap-'))
    writeFileSync(join(work, 'trap.mjs'), trap)
    writeFileSync(join(work, 'probe.mjs'), probe)
    const r = spawnSync(
      process.execPath,
      ['--import', join(work, 'trap.mjs'), join(work, 'probe.mjs'), outDir, join(work, 'data')],
      { encoding: 'utf8', timeout: 30_000 },
    )
    expect(r.stderr).not.toContain('ELECTRON-TRAP')
    expect(r.stdout).toContain('LOADED true')
    const cli = spawnSync(process.execPath, ['--import', join(work, 'trap.mjs'), join(outDir, 'cli.mjs'), '--help'], {
      encoding: 'utf8',
    })
    expect(cli.stderr).not.toContain('ELECTRON-TRAP')
    expect(cli.status).toBe(0)
  })

  it('the trap itself fires on electron (so the test above can fail)', () => {
    const work = mkdtempSync(join(tmpdir(), 'upstream-trap-'))
    writeFileSync(join(work, 'trap.mjs'), trap)
    writeFileSync(join(work, 'bad.mjs'), "await import('electron')")
    const r = spawnSync(process.execPath, ['--import', join(work, 'trap.mjs'), join(work, 'bad.mjs')], {
      encoding: 'utf8',
    })
    expect(r.stderr).toContain('ELECTRON-TRAP')
  })

  it('no source file outside main/electron imports electron', () => {
    const offenders: string[] = []
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name)
        if (e.isDirectory()) {
          if (
            !['node_modules', 'electron'].includes(e.name) ||
            (e.name === 'electron' && !p.endsWith(join('main', 'electron')))
          )
            walk(p)
        } else if (/\.(ts|tsx|mjs|js|cjs)$/.test(e.name) && !e.name.endsWith('.test.ts')) {
          const text = readFileSync(p, 'utf8')
          if (/(from\s+|require\(|import\()\s*['"]electron(\/[^'"]*)?['"]/.test(text))
            offenders.push(relative(process.cwd(), p))
        }
      }
    }
    for (const top of ['main', 'shared', 'renderer/src']) walk(join(process.cwd(), top))
    expect(offenders).toEqual([])
  })
})
