/** One request/response exchange as the inspector and the wire log show it. Already redacted. */
export interface WireEntry {
  /** Unique within the process, increasing. */
  id: number
  method: string
  /** The endpoint, credentials removed. */
  url: string
  /** ISO 8601. */
  startedAt: string
  ms: number
  /** The final HTTP status, when an answer arrived. */
  status?: number
  requestBytes: number
  responseBytes: number
  /** Redacted; cut to WIRE_XML_CAP characters. */
  requestXml: string
  responseXml: string
  /** The error the call ended in (redacted), when it did not return a value. */
  error?: string
  /** The account the call was made for, when it was made for one. */
  account?: { id: string; name: string }
}
