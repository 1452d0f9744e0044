// The layering check must be able to fail: plant one forbidden import per rule in a scratch tree
// and run the real config (.dependency-cruiser.cjs) over it with the real depcruise binary.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, expect, it } from 'vitest'

const repo = resolve(import.meta.dirname, '..')
const root = mkdtempSync(join(tmpdir(), 'upstream-layers-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const plant = (files: Record<string, string>) => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
}

const cruise = () => {
  const r = spawnSync(
    process.execPath,
    [
      join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
      'main',
      'shared',
      'renderer',
      '--config',
      join(repo, '.dependency-cruiser.cjs'),
      '--output-type',
      'err',
      '--no-cache',
    ],
    { cwd: root, encoding: 'utf8' },
  )
  // `err` output: one "error <rule>: <from> → <to>" line per violation, and a failing exit status.
  const violations = [...r.stdout.matchAll(/error (\S+): (\S+) → (\S+)/g)].map((m) => `${m[1]}: ${m[2]} → ${m[3]}`)
  return { status: r.status, violations }
}

it('fails on each planted forbidden import and passes the allowed ones', () => {
  plant({
    'tsconfig.json': '{"compilerOptions":{"module":"ESNext","moduleResolution":"Bundler","strict":true}}',
    'node_modules/electron/package.json': '{"name":"electron","main":"index.js"}',
    'node_modules/electron/index.js': 'module.exports = {}\n',
    // forbidden
    'main/base/version.ts': "import { core } from '../app/core'\nexport const v = core\n",
    'main/store/drafts.ts': "import { host } from '../host/host'\nexport const d = host\n",
    'main/host/host.ts': 'export const host = 1\n',
    'main/queue/publisher.ts':
      "import { call } from '../protocols/call'\nimport { s } from '../store/settings'\nexport const p = [call, s]\n",
    'main/protocols/call.ts': "import { d } from '../store/drafts'\nexport const call = d\n",
    'main/app/core.ts': "import electron from 'electron'\nexport const core = electron\n",
    'renderer/src/app.tsx': "import { core } from '../../main/app/core'\nexport const a = core\n",
    'shared/model.ts': "import { readFileSync } from 'node:fs'\nexport const m = readFileSync\n",
    'main/sandbox/server.ts': "import { call } from '../protocols/call'\nexport const srv = call\n",
    // allowed: the queue on store file primitives, the app composing the queue, a shell on electron,
    // a protocol test starting the sandbox as its peer
    'main/store/settings.ts': "import { w } from './atomic-write'\nexport const s = w\n",
    'main/store/atomic-write.ts': 'export const w = 1\n',
    'main/queue/job-store.ts': "import { w } from '../store/atomic-write'\nexport const j = w\n",
    'main/app/compose.ts': "import { j } from '../queue/job-store'\nexport const c = j\n",
    'main/electron/main.ts': "import electron from 'electron'\nexport const e = electron\n",
    'main/protocols/call.test.ts': "import { srv } from '../sandbox/server'\nexport const t = srv\n",
  })
  const { status, violations } = cruise()
  expect(status).not.toBe(0)
  expect(violations.sort()).toEqual(
    [
      'base-is-the-bottom: main/base/version.ts → main/app/core.ts',
      'core-imports-no-face: main/store/drafts.ts → main/host/host.ts',
      'only-the-shell-loads-electron: main/app/core.ts → node_modules/electron/index.js',
      'protocols-are-pure-network: main/protocols/call.ts → main/store/drafts.ts',
      'queue-knows-no-domain-store: main/queue/publisher.ts → main/store/settings.ts',
      'queue-knows-no-protocol-or-app: main/queue/publisher.ts → main/protocols/call.ts',
      'renderer-reaches-the-core-through-shared: renderer/src/app.tsx → main/app/core.ts',
      'sandbox-is-never-a-client: main/sandbox/server.ts → main/protocols/call.ts',
      'shared-uses-no-node-builtins: shared/model.ts → fs',
    ].sort(),
  )
})
