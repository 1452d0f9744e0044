/** What every sandbox namespace shares. */
export interface SandboxContext {
  /** The sandbox's data directory. */
  dir: string
  /** http://127.0.0.1:PORT — computed at call time, since the port is known only after listen. */
  baseUrl(): string
  limits: { maxFileSize: number; maxBytesPerUser: number; legalFileExtensions: string[] }
  /** Remembers the MIME type a file was stored with, so it is served back with it. */
  recordType(file: string, mimeType: string): Promise<void>
  typeOf(file: string): string | undefined
}
