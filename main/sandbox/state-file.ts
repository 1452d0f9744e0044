import { open, rename, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'

/** The sandbox's own state: temp file, fsync, rename, so a crash never leaves half a file. */
export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`
  const handle = await open(temp, 'w', 0o600)
  try {
    await handle.writeFile(JSON.stringify(value, null, 1))
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(temp, file)
}
