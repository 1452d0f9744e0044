/** MIME types by file extension, for the host, the sandbox and webHost.put. */
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.opml': 'text/x-opml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
}

export function mimeTypeFor(extOrPath: string): string {
  const dot = extOrPath.lastIndexOf('.')
  const ext = dot >= 0 ? extOrPath.slice(dot).toLowerCase() : ''
  return types[ext] ?? 'application/octet-stream'
}

/** The bare type, without parameters: what webHost.put's mimeType wants. */
export const bareMimeType = (path: string): string => mimeTypeFor(path).split(';')[0]
