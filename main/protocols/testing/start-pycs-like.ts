import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface PycsLikeOptions {
  maxFileSize?: number
  quota?: number
  /** Without dots; [] for "any". */
  legalExtensions?: string[]
  introspection?: boolean
  uploadName?: 'save' | 'send'
  /** Adds getMyDirectory, mailPasswordToUser, pleaseNotify, requestNotification (as on a UserLand RCS). */
  rcs?: boolean
  msgnum?: 'int' | 'string'
  /** Adds mainResponder.discuss.getTopics/getMessage. */
  dgRead?: boolean
  extendedPing?: boolean
  group?: string
}

export interface PycsLike {
  endpoint: string
  baseUrl: string
  close(): Promise<void>
}

const script = fileURLToPath(new URL('./pycs_like.py', import.meta.url))

/** Starts pycs_like.py on 127.0.0.1:0 with its own data directory; resolves once it listens. */
export async function startPycsLike(o: PycsLikeOptions = {}): Promise<PycsLike> {
  const dir = await mkdtemp(join(tmpdir(), 'pycs-like-'))
  const args = [script, '--data', dir]
  if (o.maxFileSize !== undefined) args.push('--max-file-size', String(o.maxFileSize))
  if (o.quota !== undefined) args.push('--quota', String(o.quota))
  if (o.legalExtensions) args.push('--legal-ext', o.legalExtensions.join(','))
  if (o.introspection) args.push('--introspection')
  if (o.uploadName) args.push('--upload-name', o.uploadName)
  if (o.rcs) args.push('--rcs')
  if (o.msgnum) args.push('--msgnum', o.msgnum)
  if (o.dgRead) args.push('--dg-read')
  if (o.extendedPing) args.push('--extended-ping')
  if (o.group) args.push('--group', o.group)
  const child = spawn('python3', args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`pycs_like.py exited (${code}) before listening: ${stderr}`)))
    child.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim().split('\n')[0])))
  })
  const baseUrl = `http://127.0.0.1:${port}`
  return {
    endpoint: `${baseUrl}/RPC2`,
    baseUrl,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done))
        child.kill()
        await exited
      }
      await rm(dir, { recursive: true, force: true })
    },
  }
}
