import { execFileSync } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DraftInput } from '../../shared/model'
import { openDraftStore } from './drafts'
import { useTempDirs } from './testing/test-dir'

const tempDir = useTempDirs()
const draft = (body: string): DraftInput => ({ id: 'big', kind: 'post', format: 'text', title: 'Big', body })

/**
 * Mounts a 64 KiB tmpfs at a fresh directory, or says why it cannot (not
 * Linux, not root, a container without CAP_SYS_ADMIN).
 */
async function smallDisk(): Promise<{ dir: string } | { skip: string }> {
  if (process.platform !== 'linux') return { skip: 'a real full disk needs a Linux tmpfs' }
  const dir = await tempDir()
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'pipe' })
    return { dir }
  } catch (e) {
    return { skip: `cannot mount a tmpfs here (${String((e as { stderr?: Buffer }).stderr ?? e).trim()})` }
  }
}

describe('DraftStore on a real, small disk', () => {
  it('disk full, then read-only: the save fails loudly and the previous version is intact', async (ctx) => {
    const disk = await smallDisk()
    if ('skip' in disk) return ctx.skip(disk.skip)
    try {
      const store = openDraftStore(disk.dir)
      const v1 = await store.save(draft('a'.repeat(30_000)))
      const file = join(disk.dir, 'drafts', 'big.json')
      const before = await readFile(file, 'utf8')
      // 40 KB fits on its own, but not beside the 30 KB it replaces: the temp file must fail.
      await expect(store.save(draft('b'.repeat(40_000)))).rejects.toMatchObject({
        kind: 'storage',
        code: 'ENOSPC',
        message: 'Not saved: the disk is full (ENOSPC). Free some space; your text is still in the editor.',
      })
      expect(await readFile(file, 'utf8')).toBe(before)
      expect(await readdir(join(disk.dir, 'drafts'))).toEqual(['big.json'])

      execFileSync('mount', ['-o', 'remount,ro', disk.dir])
      await expect(store.save(draft('c'))).rejects.toMatchObject({
        code: 'EROFS',
        message: expect.stringMatching(/^Not saved: .*read-only.*EROFS/),
      })
      expect(await store.get('big')).toEqual(v1)
      execFileSync('mount', ['-o', 'remount,rw', disk.dir])
      expect(await store.save(draft('c'))).toMatchObject({ revision: 2, body: 'c' })
    } finally {
      execFileSync('umount', [disk.dir])
    }
  })
})
