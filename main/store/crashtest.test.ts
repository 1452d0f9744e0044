import { spawn } from 'node:child_process'
import { mkdir, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatReport, runCrashtest } from './testing/crash-harness'
import { useTempDirs } from './testing/test-dir'

const tempDir = useTempDirs()
// The child must be a real Node process running the real store: bundle it the way run-ts.mjs does.
const outDir = resolve('out/vitest')
const childFile = join(outDir, `crash-child-${process.pid}.mjs`)

beforeAll(async () => {
  await mkdir(outDir, { recursive: true })
  await build({
    stdin: {
      contents: "import { runCrashChild } from './testing/crash-child'\nawait runCrashChild(process.argv[2])\n",
      resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      loader: 'ts',
    },
    outfile: childFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  })
})
afterAll(() => rm(childFile, { force: true }))

describe('crashtest (small)', () => {
  it('25 SIGKILLs mid-save: nothing corrupt, no confirmed save lost, every confirmed text kept as the draft or a version', async () => {
    const dataDir = await tempDir()
    const report = await runCrashtest({
      kills: 25,
      dataDir,
      // Up to 120 ms: a save now also writes the version it replaces, so fewer fit in a short life.
      delayMs: [5, 120],
      spawnChild: (dir) => spawn(process.execPath, [childFile, dir], { stdio: ['ignore', 'pipe', 'inherit'] }),
    })
    expect(report.problems).toEqual([])
    expect(formatReport(report)).toBe('kills=25 corrupt=0 lost-confirmed=0')
    // Not vacuous: the children did confirm saves, and kills landed inside them.
    expect(report.confirmed).toBeGreaterThan(25)
    expect(report.versionsChecked).toBeGreaterThanOrEqual(report.confirmed) // each round's, then all again
    expect(report.newerThanConfirmed + report.killedMidWrite).toBeGreaterThan(0)
  }, 120_000)
})
