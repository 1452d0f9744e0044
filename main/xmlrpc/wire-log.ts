import type { Redactor } from './redact'

import type { WireEntry } from '../../shared/wire'

export type { WireEntry } from '../../shared/wire'

/** How much of each document an entry keeps: enough to read, never a 20 MB enclosure. */
export const WIRE_XML_CAP = 256 * 1024

let lastId = 0

export interface WireRecord {
  method: string
  url: string
  started: number
  status?: number
  requestXml: string
  requestBytes: number
  response?: Uint8Array
  error?: unknown
}

/** Builds the entry; redaction runs on the whole document first, so a cut never exposes half a secret. */
export function wireEntry(r: WireRecord, redact: Redactor): WireEntry {
  const responseXml = r.response ? new TextDecoder('utf-8', { fatal: false }).decode(r.response) : ''
  const entry: WireEntry = {
    id: ++lastId,
    method: r.method,
    url: redact(r.method, r.url),
    startedAt: new Date(r.started).toISOString(),
    ms: Date.now() - r.started,
    requestBytes: r.requestBytes,
    responseBytes: r.response?.byteLength ?? 0,
    requestXml: cut(redact(r.method, r.requestXml)),
    responseXml: cut(redact(r.method, responseXml)),
  }
  if (r.status !== undefined) entry.status = r.status
  if (r.error !== undefined) entry.error = redact(r.method, errorText(r.error))
  return entry
}

function cut(xml: string): string {
  if (xml.length <= WIRE_XML_CAP) return xml
  return `${xml.slice(0, WIRE_XML_CAP)}\n…[${xml.length - WIRE_XML_CAP} more characters not kept]`
}

function errorText(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`
  return String(e)
}
