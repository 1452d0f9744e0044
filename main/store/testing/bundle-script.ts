import { build } from 'esbuild'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const built = new Map<string, Promise<string>>()

/**
 * A TypeScript program bundled whole into one .mjs, for a test to run as a real process (tests
 * run from source, and a temp folder has no node_modules). Built once per file per worker.
 */
export function bundleScript(entry: URL): Promise<string> {
  const path = fileURLToPath(entry)
  let out = built.get(path)
  if (!out) {
    out = (async () => {
      const outfile = join(await mkdtemp(join(tmpdir(), 'upstream-script-')), basename(path).replace(/\.ts$/, '.mjs'))
      await build({
        entryPoints: [path],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        logLevel: 'warning',
        banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      })
      return outfile
    })()
    built.set(path, out)
  }
  return out
}
