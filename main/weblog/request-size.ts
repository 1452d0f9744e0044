/** What one file adds to a saveMultipleFiles request: its path and its base64 body, wrapped. */
export function fileRequestBytes(path: string, size: number): number {
  const escapedPath = Buffer.byteLength(path.replace(/&/g, '&amp;').replace(/[<>]/g, '&lt;'))
  const wrap = '<value><string></string></value>'.length + '<value><base64></base64></value>'.length
  return 4 * Math.ceil(size / 3) + escapedPath + wrap
}

/** The rest of the request (declaration, method name, usernum, digest, array tags), with room to spare. */
export const ENVELOPE_BYTES = 1024

export interface BatchLimits {
  maxRequestBytes: number
  maxFilesPerRequest: number
}

/**
 * Groups files, in order, into requests no larger than the cap; a file too large to share a request
 * goes alone (maxFileSize, not the cap, decides whether it may go at all).
 */
export function packBatches<T extends { path: string; size: number }>(files: readonly T[], limits: BatchLimits): T[][] {
  const batches: T[][] = []
  let current: T[] = []
  let bytes = ENVELOPE_BYTES
  for (const f of files) {
    const add = fileRequestBytes(f.path, f.size)
    if (current.length > 0 && (bytes + add > limits.maxRequestBytes || current.length >= limits.maxFilesPerRequest)) {
      batches.push(current)
      current = []
      bytes = ENVELOPE_BYTES
    }
    current.push(f)
    bytes += add
  }
  if (current.length > 0) batches.push(current)
  return batches
}
