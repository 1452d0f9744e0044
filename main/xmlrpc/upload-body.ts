/** Bodies above this size are streamed in chunks so progress can be seen; smaller ones go whole. */
export const STREAM_THRESHOLD = 64 * 1024
export const UPLOAD_CHUNK = 64 * 1024

export type UploadProgress = (sent: number, total: number) => void

/**
 * The request body for fetch. A large body is a ReadableStream that counts bytes as fetch pulls
 * them (the caller sets Content-Length: old servers such as Python's refuse chunked uploads). A
 * small one goes as the bytes themselves.
 */
export function uploadBody(
  bytes: Uint8Array<ArrayBuffer>,
  onProgress: UploadProgress,
): { body: NonNullable<RequestInit['body']>; streamed: boolean } {
  if (bytes.byteLength <= STREAM_THRESHOLD) return { body: bytes, streamed: false }
  let sent = 0
  const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      if (sent >= bytes.byteLength) {
        controller.close()
        return
      }
      const chunk = bytes.subarray(sent, Math.min(sent + UPLOAD_CHUNK, bytes.byteLength))
      sent += chunk.byteLength
      controller.enqueue(chunk)
      onProgress(sent, bytes.byteLength)
    },
  })
  return { body: stream, streamed: true }
}
