// `build --if-needed` must rebuild on every kind of change to its inputs, including the ones an mtime
// comparison misses (a deleted file, a file put back with an old mtime), and only on those.
import { mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { buildFingerprint } from './build-fingerprint.mjs'

const root = mkdtempSync(join(tmpdir(), 'upstream-fingerprint-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
const inputs = ['main', 'package.json']
const print = () => buildFingerprint(inputs, root)

it('changes with every edit, addition, deletion and rename of an input, and with nothing else', () => {
  mkdirSync(join(root, 'main/app'), { recursive: true })
  writeFileSync(join(root, 'main/app/a.ts'), 'export const a = 1\n')
  writeFileSync(join(root, 'package.json'), '{}\n')
  const first = print()
  expect(print()).toBe(first)

  writeFileSync(join(root, 'main/app/a.test.ts'), 'test code is never bundled\n')
  mkdirSync(join(root, 'main/node_modules'))
  writeFileSync(join(root, 'main/node_modules/x.js'), '1')
  expect(print()).toBe(first)

  const seen = new Set([first])
  const changed = () => {
    const now = print()
    expect(seen.has(now)).toBe(false)
    seen.add(now)
  }
  writeFileSync(join(root, 'main/app/a.ts'), 'export const a = 2\n')
  utimesSync(join(root, 'main/app/a.ts'), new Date(2000, 0, 1), new Date(2000, 0, 1))
  changed()
  writeFileSync(join(root, 'main/app/b.ts'), 'export const b = 1\n')
  changed()
  renameSync(join(root, 'main/app/b.ts'), join(root, 'main/app/c.ts'))
  changed()
  rmSync(join(root, 'main/app/a.ts'))
  changed()
  writeFileSync(join(root, 'package.json'), '{"name":"x"}\n')
  changed()
})
