/**
 * secrets.json, shared by every driver so the CLI "reads what it can": each key holds either a
 * `plain` value (the Node driver's 0600 file) or `safeStorage` ciphertext (base64) that only the
 * desktop app can decrypt; a driver keeps the entries it cannot read untouched.
 */
export type SecretEntry = { encoding: 'plain' | 'safeStorage'; value: string }

export interface SecretsFile {
  version: 1
  entries: { [key: string]: SecretEntry }
}

export const emptySecretsFile = (): SecretsFile => ({ version: 1, entries: {} })

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

const isEntry = (e: unknown): e is SecretEntry =>
  isObj(e) && (e.encoding === 'plain' || e.encoding === 'safeStorage') && typeof e.value === 'string'

/** The file's content, or null when it is not a secrets file (damaged). */
export function parseSecretsFile(text: string): SecretsFile | null {
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch {
    return null
  }
  if (!isObj(v) || v.version !== 1 || !isObj(v.entries)) return null
  return Object.values(v.entries).every(isEntry) ? (v as unknown as SecretsFile) : null
}

export const serializeSecretsFile = (f: SecretsFile): string => `${JSON.stringify(f, null, 2)}\n`
