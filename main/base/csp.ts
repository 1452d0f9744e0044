/**
 * The renderer's Content-Security-Policy, sent as a response header by both the Electron app://
 * protocol and the browser host. Monaco needs inline styles and blob: workers; previews render in a
 * sandboxed frame from srcdoc, so frames may come from 'self', blob: and data: only.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "img-src 'self' data: blob: http: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
