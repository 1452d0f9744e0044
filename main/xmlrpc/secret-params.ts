/**
 * Which parameters of a call hold a secret, by method name. Most secrets in these protocols are
 * positional (a password is "the third param"), so a generic "redact members named password" rule
 * is not enough. Indexes are 0-based. Matching ignores case: Frontier treats names that way.
 */
const none: readonly number[] = []

/** xmlStorageSystem methods with no password among their params (the rest carry it second, as MD5). */
const storageWithoutPassword = new Set(['mailpasswordtouser', 'pleasenotify', 'requestnotification'])

/** blogger.* calls that carry (appkey, username, password); the rest carry (appkey, id, username, password). */
const bloggerShort = new Set(['getusersblogs', 'getuserinfo'])

export function secretParamIndexes(method: string): readonly number[] {
  const m = method.toLowerCase()
  const dot = m.lastIndexOf('.')
  const ns = m.slice(0, dot)
  const name = m.slice(dot + 1)
  if (ns === 'mainresponder.discuss') return [2] // dgname, username, password
  switch (ns) {
    case 'xmlstoragesystem':
      if (name === 'registeruser') return [2] // email, name, password (clear text on some servers)
      return storageWithoutPassword.has(name) ? none : [1] // usernum, MD5 digest
    case 'blogger':
      // The appkey (first) is a credential too.
      return bloggerShort.has(name) ? [0, 2] : [0, 3]
    case 'metaweblog':
    case 'mt':
      return [2] // blogid or postid, username, password
    case 'wp':
      return name === 'getusersblogs' ? [1] : [2]
    default:
      return none
  }
}

/** Struct members whose value is a secret wherever they appear (webHost.put's pageTable.password). */
export function isSecretMember(name: string): boolean {
  return /^(password|passwd|pwd|secret|token|appkey|api_?key|access_?token)$/i.test(name.trim())
}

/** Whether a call's body carries a secret: a positional password, or a member named like one (one level down). */
export function callCarriesSecret(method: string, params: readonly unknown[]): boolean {
  if (secretParamIndexes(method).some((i) => i < params.length)) return true
  const hasSecretMember = (v: unknown) =>
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof Uint8Array) &&
    Object.keys(v).some(isSecretMember)
  return params.some((p) => hasSecretMember(p) || (Array.isArray(p) && p.some(hasSecretMember)))
}
