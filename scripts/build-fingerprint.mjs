// What `build --if-needed` compares: a SHA-256 over the path and bytes of every build input, so an
// edit, an added, deleted or renamed file, or a file restored with an old mtime all count as a change
// (mtimes miss the last two). Test files are left out: no entry point bundles one (the layering check
// forbids production code importing test code).
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

export const BUILD_INPUTS = [
  'main',
  'shared',
  'renderer',
  'scripts/build.mjs',
  'scripts/build-fingerprint.mjs',
  'vite.config.ts',
  'tsconfig.json',
  'tsconfig.base.json',
  'package.json',
  'package-lock.json',
  // npm rewrites this on every install, so a changed node_modules/ rebuilds too.
  'node_modules/.package-lock.json',
]
const skipped = (name) => name === 'node_modules' || /\.test\.tsx?$/.test(name)

function files(path) {
  const info = statSync(path, { throwIfNoEntry: false })
  if (!info) return []
  if (!info.isDirectory()) return [path]
  return readdirSync(path)
    .filter((n) => !skipped(n))
    .sort()
    .flatMap((n) => files(join(path, n)))
}

export function buildFingerprint(inputs = BUILD_INPUTS, root = '.') {
  const hash = createHash('sha256')
  for (const input of inputs)
    for (const file of files(join(root, input))) {
      const bytes = readFileSync(file)
      hash.update(`${relative(root, file)}\0${bytes.length}\0`).update(bytes)
    }
  return hash.digest('hex')
}
