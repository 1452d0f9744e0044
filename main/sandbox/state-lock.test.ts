import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Exit } from '../cli/exit-codes'
import { startSandbox } from './sandbox'
import { SandboxFolderInUse } from './state-lock'
import { runSandboxCli } from './testing/sandbox-process'

const dirs: string[] = []
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})
const tempDir = async () => {
  const d = await mkdtemp(join(tmpdir(), 'sandbox-lock-'))
  dirs.push(d)
  return d
}

describe('one sandbox per state folder', () => {
  it('a second `upstream sandbox` process on the folder refuses to start, naming the first; after it stops, one starts', async () => {
    const dir = await tempDir()
    const first = await runSandboxCli(dir)
    if (!first.ok) throw new Error(first.stderr)
    const lock = JSON.parse(await readFile(join(dir, 'sandbox.lock'), 'utf8'))
    expect(lock.pid).toBe(first.process.pid)
    const second = await runSandboxCli(dir)
    expect(second).toMatchObject({ ok: false, code: Exit.locked })
    expect(!second.ok && second.stderr).toContain(`Another Upstream sandbox (process ${first.process.pid})`)
    expect(!second.ok && second.stderr).toContain(dir)
    // The embedded sandbox uses the same startSandbox: refused the same way, in this process.
    await expect(startSandbox({ dir, port: 0 })).rejects.toBeInstanceOf(SandboxFolderInUse)
    expect(await first.process.stop()).toBe(0)
    const third = await startSandbox({ dir, port: 0 })
    await third.close()
  })

  it('a lock left by a killed sandbox is taken over', async () => {
    const dir = await tempDir()
    const first = await runSandboxCli(dir)
    if (!first.ok) throw new Error(first.stderr)
    first.process.child.kill('SIGKILL')
    await new Promise((r) => first.process.child.once('close', r))
    const again = await startSandbox({ dir, port: 0 })
    expect(JSON.parse(await readFile(join(dir, 'sandbox.lock'), 'utf8')).pid).toBe(process.pid)
    await again.close()
  })
})
