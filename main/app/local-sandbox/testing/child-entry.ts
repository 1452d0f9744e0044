import { build } from 'esbuild'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

let built: Promise<string> | undefined

/** The child's entry bundled whole (tests run from source, and a temp folder has no node_modules). Once per worker. */
export function childEntry(): Promise<string> {
  built ??= (async () => {
    const outfile = join(await mkdtemp(join(tmpdir(), 'upstream-sandbox-child-')), 'sandbox-child.mjs')
    await build({
      entryPoints: [new URL('../sandbox-child.ts', import.meta.url).pathname],
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
  return built
}
