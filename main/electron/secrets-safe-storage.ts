import { safeStorage } from 'electron'
import { join } from 'node:path'
import { atomicWrite } from '../store/atomic-write'
import { keepAside } from '../store/corrupt-aside'
import { withFileLock } from '../store/file-lock'
import { ensureDir, nodeFs } from '../store/fs-layer'
import { KeyedQueue } from '../store/keyed-queue'
import type { SecretsDriver } from '../store/secrets'
import { emptySecretsFile, parseSecretsFile, serializeSecretsFile, type SecretsFile } from '../store/secrets-format'
import { diskError, isErrno } from '../store/store-error'

/**
 * Passwords through Electron's safeStorage (async API): the Keychain on macOS, DPAPI on Windows,
 * libsecret or KWallet on Linux; ciphertext kept base64 in <data>/secrets.json, in the format the
 * Node driver shares (store/secrets-format.ts). On Linux without a keyring Chromium falls back to
 * `basic_text`, a fixed key: that is obfuscation, so the driver says plainly that the passwords
 * are not protected, and the UI can let the user choose.
 */
export async function safeStorageSecrets(
  dataDir: string,
  platform: NodeJS.Platform = process.platform,
): Promise<SecretsDriver> {
  const file = join(dataDir, 'secrets.json')
  const available = await safeStorage.isAsyncEncryptionAvailable()
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined
  const encrypted = available && backend !== 'basic_text'
  const description = !available
    ? 'This system offers no way to encrypt passwords, so Upstream does not store them.'
    : !encrypted
      ? `Passwords in ${file} are not protected by a keyring: no system keyring (GNOME Keyring, KWallet) was found, so anyone who can read your files can read them.`
      : `Passwords in ${file} are encrypted with ${keyName(platform, backend)}.`
  const queue = new KeyedQueue()

  const read = async (): Promise<SecretsFile> => {
    let bytes: Uint8Array
    try {
      bytes = await nodeFs.readFile(file)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptySecretsFile()
      throw diskError(e, { lead: 'Could not read the stored passwords', keeps: 'nothing was changed' })
    }
    const parsed = parseSecretsFile(Buffer.from(bytes).toString('utf8'))
    if (parsed) return parsed
    // Damaged: kept aside, never overwritten; carry on as if no password were stored.
    console.warn(`secrets.json is damaged; kept as ${await keepAside(nodeFs, file)}`)
    return emptySecretsFile()
  }
  /** One read-change-write at a time, so two saves never lose each other's entry. */
  const change = (edit: (f: SecretsFile) => Promise<void> | void): Promise<void> =>
    queue.run('secrets', async () => {
      try {
        // Under <data>/secrets.lock, re-read: a password the CLI saved meanwhile is kept.
        await withFileLock(dataDir, 'secrets', async () => {
          const f = await read()
          await edit(f)
          await ensureDir(nodeFs, dataDir)
          await atomicWrite(nodeFs, file, serializeSecretsFile(f), { mode: 0o600 })
        })
      } catch (e) {
        throw isErrno(e)
          ? diskError(e, { lead: 'Password not saved', keeps: 'enter it again once the disk is writable' })
          : e
      }
    })
  /** Best effort: the value was read fine, so a failed re-write must not fail the read. */
  const reseal = (key: string, value: string): Promise<void> =>
    sealed(value)
      .then((entry) => change((f) => void (f.entries[key] = entry)))
      .catch((e: unknown) => console.warn('Could not re-encrypt a stored password:', e))
  const sealed = async (value: string) => ({
    encoding: 'safeStorage' as const,
    value: (await safeStorage.encryptStringAsync(value)).toString('base64'),
  })

  return {
    encrypted,
    description,
    async get(key) {
      const { entries } = await queue.run('secrets', read)
      const entry = Object.hasOwn(entries, key) ? entries[key] : undefined
      if (!entry) return undefined
      if (entry.encoding === 'plain') {
        // Left by the CLI or the browser host: seal it now that a keyring is at hand.
        if (encrypted) await reseal(key, entry.value)
        return entry.value
      }
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(entry.value, 'base64'))
      // The key was rotated or a better one is available.
      if (shouldReEncrypt) await reseal(key, result)
      return result
    },
    async set(key, value) {
      if (!available) throw new Error(description)
      const entry = await sealed(value)
      await change((f) => void (f.entries[key] = entry))
    },
    async delete(key) {
      await change((f) => void delete f.entries[key])
    },
  }
}

function keyName(platform: NodeJS.Platform, backend: string | undefined): string {
  if (platform === 'darwin') return 'the macOS Keychain'
  if (platform === 'win32') return 'Windows Data Protection (DPAPI)'
  return backend?.startsWith('kwallet') ? 'KWallet' : 'the system keyring (libsecret)'
}
