/**
 * One data folder, many processes (README "Where your data lives"): settings and secrets are
 * read-modify-written under a lock and merged, so nothing one process saves is lost to another.
 * Real processes only. `npm run twoprocess` runs the same proofs at full size.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { bundleScript } from '../../store/testing/bundle-script'
import { builtCli, startServe, type ServeProcess } from '../testing/serve-process'
import { twoProcessSize } from './testing/two-process-size'

const size = twoProcessSize()
const cleanup: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c()
})

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'upstream-two-'))
  cleanup.push(() => rm(dir, { recursive: true, force: true }))
  return dir
}

const run = (file: string, args: string[]) =>
  new Promise<number | null>((resolve) =>
    spawn(process.execPath, [file, ...args], { stdio: 'inherit' }).on('exit', resolve),
  )

describe('two processes on one data folder', () => {
  it(`${size.writers} processes each add ${size.accounts} accounts with passwords: every one is kept`, async () => {
    const dir = await dataDir()
    const writer = await bundleScript(new URL('../../store/testing/settings-writer.ts', import.meta.url))
    const tags = Array.from({ length: size.writers }, (_, i) => `w${i}`)
    const codes = await Promise.all(tags.map((t) => run(writer, [dir, t, String(size.accounts)])))
    expect(codes.every((c) => c === 0)).toBe(true)
    const settings = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as { accounts: { id: string }[] }
    const secrets = JSON.parse(await readFile(join(dir, 'secrets.json'), 'utf8')) as { entries: object }
    const expected = tags.flatMap((t) => Array.from({ length: size.accounts }, (_, i) => `${t}-${i}`)).sort()
    expect(settings.accounts.map((a) => a.id).sort()).toEqual(expected)
    expect(Object.keys(secrets.entries).length).toBe(expected.length)
    expect(existsSync(join(dir, 'settings.lock'))).toBe(false)
  })

  it.skipIf(!existsSync(builtCli))(
    'two `upstream serve` and the CLI on one folder: accounts added in each are kept and seen by all',
    async () => {
      const dir = await dataDir()
      const serves: ServeProcess[] = []
      for (let i = 0; i < 2; i++) {
        const s = await startServe(dir)
        cleanup.push(() => s.stop())
        serves.push(s)
      }
      const add = (s: ServeProcess, name: string) =>
        s.call('accounts.save', { kind: 'webhost', name, url: 'http://127.0.0.1:9/RPC2', username: 'u', password: 'p' })
      const names = serves.flatMap((_, i) => Array.from({ length: size.accounts }, (_, k) => `s${i}-${k}`))
      const saved = await Promise.all(names.map((n, k) => add(serves[k % 2 === 0 ? 0 : 1], n)))
      expect(saved.every((r) => r.ok)).toBe(true)
      for (const s of serves) {
        const listed = await s.call<{ name: string }[]>('accounts.list')
        expect(listed.ok && listed.value.map((a) => a.name)).toEqual(expect.arrayContaining(names))
      }
      // The CLI reads the same folder while both run: it finds the accounts the apps made.
      const out = await new Promise<string>((resolve) => {
        let text = ''
        const cli = spawn(process.execPath, [builtCli, 'site', 'status', '--account', 'nobody', '--data', dir])
        cli.stdout.on('data', (d: Buffer) => (text += d))
        cli.stderr.on('data', (d: Buffer) => (text += d))
        cli.on('exit', () => resolve(text))
      })
      expect(out).toContain('Local sandbox — weblog')
      // And `serve` prints a fresh launch address on Enter, which opens a session once.
      const fresh = new URL(await serves[0].freshLaunchUrl()).hash.replace('#token=', '')
      const spend = () =>
        fetch(`${serves[0].origin}/api-session`, { method: 'POST', headers: { 'x-upstream-launch': fresh } })
      expect((await spend()).status).toBe(200)
      expect((await spend()).status).toBe(401)
    },
  )
})
