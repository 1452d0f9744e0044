// The `xmlrpc` npm package (CommonJS, no type declarations) as an interop peer for tests and the
// baseline in the benchmark. Loaded through require with the few shapes we use typed here, rather
// than an ambient `declare module` that would leak into the whole project.
import { createRequire } from 'node:module'
import { Readable } from 'node:stream'

type Callback = (
  error: (Error & { faultCode?: number; faultString?: string }) | null | undefined,
  value: unknown,
) => void

export interface NpmXmlRpcClient {
  methodCall(method: string, params: unknown[], callback: Callback): void
}

interface NpmXmlRpc {
  createClient(options: { host: string; port: number; path: string }): NpmXmlRpcClient
}

interface NpmSerializer {
  serializeMethodCall(method: string, params: unknown[]): string
  serializeMethodResponse(value: unknown): string
}

interface NpmDeserializer {
  deserializeMethodResponse(stream: Readable, callback: Callback): void
  deserializeMethodCall(
    stream: Readable,
    callback: (error: Error | null | undefined, method: string, params: unknown[]) => void,
  ): void
}

const require = createRequire(import.meta.url)

export const npmXmlRpc = require('xmlrpc') as NpmXmlRpc
export const npmSerializer = require('xmlrpc/lib/serializer') as NpmSerializer
const Deserializer = require('xmlrpc/lib/deserializer') as new () => NpmDeserializer

/** Promise-returning call through the package's client. */
export function npmCall(client: NpmXmlRpcClient, method: string, params: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => client.methodCall(method, params, (e, v) => (e ? reject(e) : resolve(v))))
}

/** Decodes a response with the package's Deserializer, fed from a stream as its client does. */
export function npmDecodeResponse(bytes: Uint8Array): Promise<unknown> {
  return new Promise((resolve, reject) =>
    new Deserializer().deserializeMethodResponse(streamOf(bytes), (e, v) => (e ? reject(e) : resolve(v))),
  )
}

/** Decodes a call with the package's Deserializer. */
export function npmDecodeCall(bytes: Uint8Array): Promise<{ method: string; params: unknown[] }> {
  return new Promise((resolve, reject) =>
    new Deserializer().deserializeMethodCall(streamOf(bytes), (e, method, params) =>
      e ? reject(e) : resolve({ method, params }),
    ),
  )
}

/** A byte stream like the one the package's client reads an HTTP answer from (not object mode). */
function streamOf(bytes: Uint8Array): Readable {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return Readable.from([buf], { objectMode: false })
}
