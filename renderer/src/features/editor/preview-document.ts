import type { DraftFormat } from '../../../../shared/model'

/**
 * Defence in depth on top of `sandbox=""` (no scripts, no same-origin): the preview may show
 * remote images and styles as the published page would, but can't run, submit or frame anything.
 */
export const PREVIEW_CSP =
  "default-src 'none'; img-src data: blob: http: https:; media-src data: blob: http: https:; " +
  "style-src 'unsafe-inline' http: https:; font-src data: http: https:; form-action 'none'"

const meta = `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** The srcdoc for the preview frame: the page as a browser would show it, CSP first in <head>. */
export function previewDocument(body: string, format: DraftFormat): string {
  if (format !== 'html') {
    return `<!doctype html><html><head><meta charset="utf-8">${meta}</head><body><pre style="white-space:pre-wrap;font:14px/1.5 ui-monospace,monospace">${escapeHtml(body)}</pre></body></html>`
  }
  const head = /<head(\s[^>]*)?>/i
  if (head.test(body)) return body.replace(head, (tag) => tag + meta)
  const html = /<html(\s[^>]*)?>/i
  if (html.test(body)) return body.replace(html, (tag) => `${tag}<head>${meta}</head>`)
  // A fragment: the browser would wrap it the same way.
  return `<!doctype html><html><head><meta charset="utf-8">${meta}</head><body>${body}</body></html>`
}
