import { createHash } from 'node:crypto'
import { REDACTED, redactXml } from './redact-xml'

export { REDACTED } from './redact-xml'
export { isSecretMember, secretParamIndexes } from './secret-params'

/** Turns an XML-RPC document (or any log text) into one safe to show and store. */
export type Redactor = (method: string, xml: string) => string

export interface RedactorOptions {
  /** Known secrets (a password, the host token…): every occurrence is redacted, as is their MD5 hex. */
  secrets?: readonly (string | undefined | null)[]
}

/**
 * The redactor for the wire log and `call --verbose`: positional and member secrets by method
 * (secret-params), credentials and token-like query parameters in URLs, and every known secret in
 * the forms it can take on the wire (raw, XML-escaped, percent-encoded, MD5 hex).
 */
export function createRedactor(options: RedactorOptions = {}): Redactor {
  const scrub = createScrubber(options.secrets ?? [])
  return (method, xml) => redactXml(method, xml, scrub)
}

/** Redacts known secrets and URL credentials in plain text (error messages, URLs). */
export function createScrubber(secrets: readonly (string | undefined | null)[]): (text: string) => string {
  const forms = new Set<string>()
  for (const s of secrets) {
    if (!s) continue
    const md5 = createHash('md5').update(s, 'utf8').digest('hex')
    for (const f of [s, md5, md5.toUpperCase(), ...xmlForms(s), encodeURIComponent(s)]) forms.add(f)
  }
  const sorted = [...forms].sort((a, b) => b.length - a.length) // longest first, so no partial leftovers
  const pattern = sorted.length ? new RegExp(sorted.map(escapeRegExp).join('|'), 'g') : null
  return (text) => redactUrlCredentials(pattern ? text.replace(pattern, REDACTED) : text)
}

/** `scheme://user:pass@host` → `scheme://[redacted]@host`; `?token=…` and the like → `?token=[redacted]`. */
export function redactUrlCredentials(text: string): string {
  return text
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@<>"']+@/gi, `$1${REDACTED}@`)
    .replace(
      /([?&;](?:token|password|passwd|pwd|key|apikey|api_key|access_token|auth)=)[^&#\s<>"']*/gi,
      `$1${REDACTED}`,
    )
}

/** Removes the user name and password from a URL (they travel in the Authorization header). */
export function stripUrlCredentials(url: string): string {
  try {
    const u = new URL(url)
    u.username = ''
    u.password = ''
    return u.href
  } catch {
    return redactUrlCredentials(url)
  }
}

function xmlForms(s: string): string[] {
  const basic = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return [
    basic,
    basic.replace(/"/g, '&quot;').replace(/'/g, '&apos;'),
    basic.replace(/"/g, '&#34;').replace(/'/g, '&#39;'),
    basic.replace(/"/g, '&#x22;').replace(/'/g, '&#x27;'),
  ]
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
