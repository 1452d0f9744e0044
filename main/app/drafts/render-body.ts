import MarkdownIt from 'markdown-it'
import type { DraftFormat } from '../../../shared/model'

// Raw HTML inside Markdown is kept, as in an HTML draft: the writer's own words. Previews render
// in a sandboxed frame with no scripts, and servers neuter what they don't allow.
const markdown = new MarkdownIt({ html: true, linkify: true })

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * What publishing sends for a body, and what the preview shows: one function, so they never
 * differ. Markdown → HTML, HTML as written, plain text → escaped and kept in <pre>.
 */
export function renderBody(format: DraftFormat, body: string): string {
  switch (format) {
    case 'html':
      return body
    case 'markdown':
      return markdown.render(body)
    case 'text':
      return `<pre>${escapeHtml(body)}</pre>`
  }
}

/** A page's bytes: an HTML page gets the rendered body; any other type (.txt, .md, .css…) the text as written. */
export const pageText = (draft: { format: DraftFormat; body: string }, mimeType: string): string =>
  mimeType === 'text/html' ? renderBody(draft.format, draft.body) : draft.body
