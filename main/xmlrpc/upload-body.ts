/** Bodies above this size are streamed in chunks so progress can be reported; smaller ones go whole. */
export const STREAM_THRESHOLD = 64 * 1024
const CHUNK = 64 * 1024

export type UploadProgress = (sent: number, total: number) => void

/**
 * The request body for fetch. With a progress callback and a large body it is a ReadableStream
 * that counts bytes as fetch pulls them (the caller sets Content-Length: old servers such as
 * Python's refuse chunked uploads). Otherwise the bytes themselves, and progress fires once.
 */
export function uploadBody(bytes: Uint8Array<ArrayBuffer>, onProgress?: UploadProgress): { body: BodyInit; streamed: boolean } {
  if (!onProgress || bytes.byteLength <= STREAM_THRESHOLD) return { body: bytes, streamed: false }
  let sent = 0
  const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      if (sent >= bytes.byteLength) {
        controller.close()
        return
      }
      const chunk = bytes.subarray(sent, Math.min(sent + CHUNK, bytes.byteLength))
      sent += chunk.byteLength
      controller.enqueue(chunk)
      onProgress(sent, bytes.byteLength)
    },
  })
  return { body: stream, streamed: true }
}
