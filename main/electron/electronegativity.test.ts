/**
 * Electronegativity (Doyensec's scanner for Electron apps) on the BUILT shell, out/electron/*.cjs
 * (it cannot parse newer TypeScript such as `satisfies`, and the bundle is what ships). Its
 * network check is off (testing/electronegativity-scan.cjs says how and why); its CSV report is
 * read, and every finding must be one justified below, where the justification is checked against
 * the code. A meta-test plants `nodeIntegration: true` in a copy and proves the scan catches it.
 */
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, appendFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import electronPackage from 'electron/package.json' with { type: 'json' }

const outDir = fileURLToPath(new URL('../../out/electron', import.meta.url))
const scanner = fileURLToPath(new URL('./testing/electronegativity-scan.cjs', import.meta.url))
/** A shell source file without its comments (a comment may name what the code must not do). */
const source = (file: string) =>
  readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')

interface Finding {
  issue: string
  file: string
  sample: string
}

/** Its CSV: a header line, then one finding a line; quoted fields double their quotes. */
export function parseCsv(text: string): Finding[] {
  const rows = text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"')),
    )
  return rows.map((r) => ({ issue: r[0], file: r[3], sample: r[5] }))
}

/** Copies the bundles as .js (it scans .js, not .cjs), optionally changed, and scans them. */
async function scan(plant?: (dir: string) => void): Promise<Finding[]> {
  const dir = mkdtempSync(join(tmpdir(), 'upstream-eneg-'))
  for (const f of readdirSync(outDir).filter((n) => n.endsWith('.cjs')))
    copyFileSync(join(outDir, f), join(dir, f.replace(/\.cjs$/, '.js')))
  plant?.(dir)
  const report = join(dir, 'report.csv')
  const code = await new Promise<number | null>((resolve) =>
    spawn(process.execPath, [scanner, dir, report, electronPackage.version], { stdio: 'inherit' }).on('exit', resolve),
  )
  expect(code).toBe(0)
  return parseCsv(readFileSync(report, 'utf8'))
}

/**
 * Each finding the scan makes on the shell, why it is not a flaw, and the check that the reason
 * still holds (so a real regression behind the same finding still fails here).
 */
const justified: Record<string, { why: string; holds: () => void }> = {
  // It looks for a <meta> CSP or session.webRequest; the renderer's CSP is a response header set
  // by the app:// protocol handler (main/electron/app-protocol.ts, main/base/csp.ts).
  CSP_GLOBAL_CHECK: {
    why: 'CSP is a response header of the app:// handler',
    holds: () => expect(source('./app-protocol.ts')).toMatch(/'content-security-policy': RENDERER_CSP/),
  },
  // Flagged for handling 'certificate-error' at all; the handler only ever answers false and never
  // calls preventDefault (main/electron/certificates.ts; shell.test.ts proves it at run time).
  CERTIFICATE_ERROR_EVENT_JS_CHECK: {
    why: 'the certificate-error handler always refuses',
    holds: () => {
      const code = source('./certificates.ts')
      expect(code).toContain('callback(false)')
      expect(code).not.toMatch(/callback\(true\)|preventDefault\(\)/)
    },
  },
  // Flagged for calling shell.openExternal; it is reached only through safeExternalUrl (http(s),
  // a host, no credentials) in main/electron/external-links.ts.
  OPEN_EXTERNAL_JS_CHECK: {
    why: 'openExternal only gets URLs safeExternalUrl passed',
    holds: () => {
      expect(source('./external-links.ts')).toMatch(
        /const url = safeExternalUrl\(candidate\)\n\s+if \(!url\) return false/,
      )
      expect(source('./main.ts')).not.toContain('openExternal(')
    },
  },
}

describe.skipIf(!existsSync(join(outDir, 'main.cjs')))('Electronegativity on out/electron', () => {
  let findings: Finding[]
  let planted: Finding[]
  beforeAll(async () => {
    ;[findings, planted] = await Promise.all([
      scan(),
      scan((dir) =>
        appendFileSync(
          join(dir, 'main.js'),
          '\nconst { BrowserWindow } = require("electron");\nnew BrowserWindow({ webPreferences: { nodeIntegration: true } });\n',
        ),
      ),
    ])
  }, 120_000)

  it('finds nothing that is not justified, and each justification still holds', () => {
    const unexplained = findings.filter((f) => !Object.hasOwn(justified, f.issue))
    expect(unexplained).toEqual([])
    for (const f of findings) justified[f.issue].holds()
  })

  it('catches a planted nodeIntegration: true (the scan is really looking)', () => {
    const caught = planted.filter((f) => f.issue === 'NODE_INTEGRATION_JS_CHECK')
    expect(caught).toHaveLength(1)
    expect(caught[0]).toMatchObject({ file: 'main.js', sample: expect.stringContaining('nodeIntegration: true') })
    expect(findings.some((f) => f.issue === 'NODE_INTEGRATION_JS_CHECK')).toBe(false)
  })
})
