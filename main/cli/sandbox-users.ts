/**
 * Members for `upstream sandbox`, from wherever the operator keeps passwords: `--user EMAIL:PASSWORD`
 * (visible to anyone who can list processes), `--users-file FILE`, `--users-stdin`, or the
 * UPSTREAM_SANDBOX_USERS environment variable. Files, standard input and the variable hold one
 * `EMAIL:PASSWORD` a line (the password is everything after the first colon); blank lines and lines
 * starting with # are skipped.
 */
export interface UserSpec {
  email: string
  password: string
}

export const USERS_ENV = 'UPSTREAM_SANDBOX_USERS'

/** One `EMAIL:PASSWORD`; the message names where it came from, never the password. */
export function parseUser(spec: string, where: string): UserSpec | string {
  const colon = spec.indexOf(':')
  if (colon <= 0 || colon === spec.length - 1) {
    const shown = colon > 0 ? `${spec.slice(0, colon)}:…` : `"${spec.slice(0, 40)}"`
    return `${where} wants EMAIL:PASSWORD, got ${where === '--user' ? `"${spec}"` : shown}`
  }
  return { email: spec.slice(0, colon), password: spec.slice(colon + 1) }
}

/** Every member in a text of lines; a message for the first bad line. */
export function parseUserLines(text: string, where: string): UserSpec[] | string {
  const users: UserSpec[] = []
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const user = parseUser(line, `${where} line ${i + 1}`)
    if (typeof user === 'string') return user
    users.push(user)
  }
  return users
}
