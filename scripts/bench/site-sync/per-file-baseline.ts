import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { defaultProfile } from '../../../shared/server-profile'
import type { CommunityMember } from '../../../main/protocols/community-session'
import { saveMultipleFiles } from '../../../main/protocols/save-multiple-files'
import { createXmlRpcClient } from '../../../main/xmlrpc/client'
import { BENCH_USER, type ChildSandbox } from './sandbox-child'

export interface Baseline {
  /** Mean milliseconds per one-file call in each stratum, with the server's file count there. */
  strata: { atFiles: number; msPerCall: number }[]
  calls: number
  /** Estimated time for all `total` files sent one call each. */
  estimateMs: number
}

/**
 * One saveMultipleFiles call per file, as Radio sent them: read the file, send it alone, wait.
 * A server's cost per call grows with what it already stores (the sandbox rewrites its index on
 * every call), so a sample from an empty server would understate a full run. The run is cut into
 * `strata` equal parts; `perStratum` calls are timed in the middle of each part (the server first
 * filled to that point with batched, untimed uploads), and the estimate is the stratified sum.
 */
export async function perFileBaseline(
  server: ChildSandbox,
  siteDir: string,
  paths: readonly string[],
  strata: number,
  perStratum: number,
): Promise<Baseline> {
  const member: CommunityMember = {
    client: createXmlRpcClient(server.endpoint),
    profile: defaultProfile(),
    usernum: server.usernum,
    password: BENCH_USER.password,
  }
  const total = paths.length
  const part = total / strata
  const filler = Buffer.alloc(5 * 1024, 'f')
  let stored = 0
  const out: Baseline['strata'] = []
  for (let s = 0; s < strata; s++) {
    const start = Math.floor(s * part + part / 2 - perStratum / 2)
    for (; stored < start; stored += Math.min(150, start - stored)) {
      const n = Math.min(150, start - stored)
      await saveMultipleFiles(
        member,
        Array.from({ length: n }, (_, i) => ({ path: `fill/${stored + i}.html`, bytes: filler })),
      )
    }
    const sample = paths.slice(start, start + perStratum)
    const t = performance.now()
    for (const path of sample) {
      const bytes = await readFile(join(siteDir, ...path.split('/')))
      const r = await saveMultipleFiles(member, [{ path: `one/${path}`, bytes }])
      if (!r.files[0].ok) throw new Error(`the baseline upload of ${path} failed: ${r.message}`)
    }
    out.push({ atFiles: start, msPerCall: (performance.now() - t) / sample.length })
    stored += sample.length
  }
  return { strata: out, calls: strata * perStratum, estimateMs: out.reduce((sum, s) => sum + s.msPerCall * part, 0) }
}
