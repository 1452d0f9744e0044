import { join } from 'node:path'
import { atomicWrite } from './atomic-write'
import { keepAside } from './corrupt-aside'
import { withFileLock } from './file-lock'
import { ensureDir, nodeFs, type FsLayer } from './fs-layer'
import { KeyedQueue } from './keyed-queue'
import type { SecretsDriver } from './secrets'
import { emptySecretsFile, parseSecretsFile, serializeSecretsFile, type SecretsFile } from './secrets-format'
import { diskError, isErrno } from './store-error'

const utf8 = new TextDecoder('utf-8', { fatal: true })
const decode = (bytes: Uint8Array): string => {
  try {
    return utf8.decode(bytes)
  } catch {
    return '' // not text: parses as damaged
  }
}

export interface FileSecretsOptions {
  fs?: FsLayer
  now?: () => Date
  onProblem?: (problem: { file: string; reason: string; keptAs: string }) => void
}

/**
 * Passwords under plain Node (browser host, CLI): `<data>/secrets.json`, mode 0600, and honest
 * about it: `encrypted` is false and the description says where the plain text lives. Read on
 * every get, since the desktop app may have written the file since.
 */
export function fileSecrets(dataDir: string, options: FileSecretsOptions = {}): SecretsDriver {
  const fs = options.fs ?? nodeFs
  const file = join(dataDir, 'secrets.json')
  const queue = new KeyedQueue()

  async function read(): Promise<SecretsFile> {
    let bytes: Uint8Array
    try {
      bytes = await fs.readFile(file)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptySecretsFile()
      throw diskError(e, { lead: 'Could not read the stored passwords', keeps: 'nothing was changed' })
    }
    const parsed = parseSecretsFile(decode(bytes))
    if (parsed) return parsed
    // Damaged: put aside (never overwritten), and carry on as if no password were stored.
    const keptAs = await keepAside(fs, file, options.now?.() ?? new Date())
    options.onProblem?.({ file, reason: 'it is not a secrets file', keptAs })
    return emptySecretsFile()
  }

  const change = (edit: (f: SecretsFile) => boolean): Promise<void> =>
    queue.run('secrets', async () => {
      try {
        // Under <data>/secrets.lock, re-read: a password another process saved meanwhile is kept.
        await withFileLock(
          dataDir,
          'secrets',
          async () => {
            const f = await read()
            if (!edit(f)) return
            await ensureDir(fs, dataDir)
            await atomicWrite(fs, file, serializeSecretsFile(f), { mode: 0o600 })
          },
          { fs },
        )
      } catch (e) {
        throw isErrno(e)
          ? diskError(e, { lead: 'Password not saved', keeps: 'enter it again once the disk is writable' })
          : e
      }
    })

  return {
    encrypted: false,
    description: `Stored unencrypted in ${file}`,
    async get(key) {
      // Queued too, so two reads never both try to put the same damaged file aside.
      const entry = (await queue.run('secrets', read)).entries[key]
      // safeStorage ciphertext is the desktop app's to decrypt: to this driver it is not there.
      return entry?.encoding === 'plain' ? entry.value : undefined
    },
    set: (key, value) =>
      change((f) => {
        f.entries[key] = { encoding: 'plain', value }
        return true
      }),
    delete: (key) =>
      change((f) => {
        if (!(key in f.entries)) return false
        delete f.entries[key]
        return true
      }),
  }
}
