import { HOST_STAGE_PATH, HOST_TOKEN_HEADER } from '../../../shared/api'
import type { Result } from '../../../shared/result'
import { asResult, isFailure, networkError, statusError } from './transport-errors'

/** What the host answers for a staged upload. (Belongs in shared/api.ts once a channel uses it.) */
export interface StagedFile {
  fileId: string
  size: number
}

export interface StageTarget {
  origin: string
  token: string
}

/**
 * Streams a file to the host's staging endpoint as a raw body, not inside JSON. XMLHttpRequest is
 * used because fetch has no upload progress; the browser reads the file off the main thread.
 */
export function uploadToStage(
  target: StageTarget,
  file: Blob & { name: string },
  onProgress: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<Result<StagedFile>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest()
    if (signal?.aborted)
      return resolve({ ok: false, error: { kind: 'cancelled', message: 'The upload was cancelled.' } })
    signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    const url = new URL(HOST_STAGE_PATH, target.origin)
    url.searchParams.set('name', file.name)
    xhr.open('POST', url)
    xhr.setRequestHeader(HOST_TOKEN_HEADER, target.token)
    xhr.setRequestHeader('content-type', 'application/octet-stream')
    xhr.responseType = 'text'
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size)
    xhr.onerror = () => resolve({ ok: false, error: networkError(new Error('upload failed')) })
    xhr.onabort = () => resolve({ ok: false, error: { kind: 'cancelled', message: 'The upload was cancelled.' } })
    xhr.onload = () => {
      let body: unknown = null
      try {
        body = JSON.parse(xhr.responseText)
      } catch {
        // handled below as an unreadable answer or a bad status
      }
      if (xhr.status === 200) resolve(asResult<StagedFile>(body))
      else resolve(isFailure(body) ? asResult<StagedFile>(body) : { ok: false, error: statusError(xhr.status) })
    }
    xhr.send(file)
  })
}
