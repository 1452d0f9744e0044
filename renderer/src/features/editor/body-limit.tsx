import { formatBytes } from '../../lib/format'

/** UTF-8 length without building a copy of the text. */
export function utf8Length(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4
      i++
    } else n += 3
  }
  return n
}

/** The limit warning: shown only when the server told us its maxFileSize and the body is over it. */
export function BodyLimit({ body, maxFileSize }: { body: string; maxFileSize: number | undefined }) {
  if (maxFileSize === undefined) return null
  const size = utf8Length(body)
  if (size <= maxFileSize) return null
  return (
    <span className="limit-warning" role="alert">
      The body is {formatBytes(size)}; this server accepts at most {formatBytes(maxFileSize)} per file. Shorten it, or
      move parts into files.
    </span>
  )
}
