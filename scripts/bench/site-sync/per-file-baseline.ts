import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { defaultProfile } from '../../../shared/server-profile'
import type { CommunityMember } from '../../../main/protocols/community-session'
import { saveMultipleFiles } from '../../../main/protocols/save-multiple-files'
import { createXmlRpcClient } from '../../../main/xmlrpc/client'
import { BENCH_USER, type ChildSandbox } from './sandbox-child'

/**
 * One saveMultipleFiles call per file, as Radio sent them: read the file, send it alone, wait for
 * the answer, next. Every file of the set is sent and the whole run is timed — no sampling, no
 * extrapolation — so the ratio against the batched sync of the same files is measured, not estimated.
 */
export async function perFileUpload(
  server: ChildSandbox,
  siteDir: string,
  paths: readonly string[],
): Promise<{ ms: number; calls: number }> {
  const member: CommunityMember = {
    client: createXmlRpcClient(server.endpoint),
    profile: defaultProfile(),
    usernum: server.usernum,
    password: BENCH_USER.password,
  }
  const t = performance.now()
  for (const path of paths) {
    const bytes = await readFile(join(siteDir, ...path.split('/')))
    const r = await saveMultipleFiles(member, [{ path, bytes }])
    if (!r.files[0].ok) throw new Error(`the one-file upload of ${path} failed: ${r.message}`)
  }
  return { ms: performance.now() - t, calls: paths.length }
}
