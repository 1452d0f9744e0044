import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../store/testing/test-dir'
import { watchSite } from './site-watcher'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('upstream on change', () => {
  const tempDir = useTempDirs()

  it('runs once after a burst of changes settles, once more for changes made during a run, and not for dot-files', async () => {
    const dir = await tempDir()
    let runs = 0
    let release: () => void = () => undefined
    const watcher = await watchSite({
      dir,
      settleMs: 150,
      run: async () => {
        runs++
        if (runs === 1) await new Promise<void>((r) => (release = r))
      },
    })
    try {
      for (let i = 0; i < 5; i++) {
        await writeFile(join(dir, `page-${i}.html`), String(i))
        await sleep(30)
      }
      await expect.poll(() => runs, { timeout: 3000 }).toBe(1)
      await writeFile(join(dir, 'during.html'), 'changed while the first run is under way')
      await sleep(300)
      expect(runs).toBe(1) // never two at once
      release()
      await expect.poll(() => runs, { timeout: 3000 }).toBe(2)
      await watcher.idle()
      await writeFile(join(dir, '.index.html.123-abcd1234.tmp'), 'a temp file of ours')
      await sleep(400)
      expect(runs).toBe(2)
    } finally {
      watcher.close()
    }
  })
})
