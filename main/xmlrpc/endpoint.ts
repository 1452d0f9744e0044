/** An endpoint URL split into what goes on the wire and what goes in the Authorization header. */
export interface Endpoint {
  /** The URL without user name and password (fetch refuses URLs that carry them). */
  url: URL
  /** `Basic …` when the URL carried credentials. */
  authorization?: string
  /** The password from the URL, so logs can redact it. */
  password?: string
}

/** The caller gave something that is not an http(s) URL: their input, not the network, is wrong. */
export class InvalidUrlError extends TypeError {
  override readonly name = 'InvalidUrlError'
}

export function parseEndpoint(raw: string): Endpoint {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new InvalidUrlError(`Not a URL: ${JSON.stringify(raw)}. Give the full endpoint, e.g. http://example.com/RPC2`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidUrlError(`Unsupported URL scheme ${url.protocol} (XML-RPC runs over http: or https:)`)
  }
  const endpoint: Endpoint = { url }
  if (url.username || url.password) {
    const user = decodeURIComponent(url.username)
    const password = decodeURIComponent(url.password)
    endpoint.authorization = `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`
    if (password) endpoint.password = password
    url.username = ''
    url.password = ''
  }
  return endpoint
}

/** "host:port" as people type it, for messages. */
export function hostOf(url: URL | string): string {
  const u = typeof url === 'string' ? safeUrl(url) : url
  if (!u) return String(url)
  const port = u.port || (u.protocol === 'https:' ? '443' : '80')
  return `${u.hostname}:${port}`
}

function safeUrl(s: string): URL | null {
  try {
    return new URL(s)
  } catch {
    return null
  }
}
