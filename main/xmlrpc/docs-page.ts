import type { MethodRegistry } from './method-registry'

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c])
}

/** "int validator1.easyStructTest(struct)" for each signature; "name(…)" when there are none. */
function signatureLines(name: string, signature: string[][] | undefined): string[] {
  if (!signature || signature.length === 0) return [`${name}(\u2026)`]
  return signature.map(([ret, ...params]) => `${ret} ${name}(${params.join(', ')})`)
}

/**
 * The page a GET on the endpoint answers with, documenting every registered method (signatures and
 * help), as Python's DocXMLRPCServer does. Everything registered is escaped: help is text, not HTML.
 */
export function renderDocsPage(title: string, registry: MethodRegistry): string {
  const entries = registry.names().map((name) => {
    const meta = registry.get(name)!.meta
    const sigs = signatureLines(name, meta.signature)
      .map((line) => `<code>${escapeHtml(line)}</code>`)
      .join('<br>')
    const help = meta.help ? `<p class="help">${escapeHtml(meta.help)}</p>` : ''
    return `<dt id="${escapeHtml(name)}">${sigs}</dt><dd>${help}</dd>`
  })
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:50em;margin:2em auto;padding:0 1em}dt{margin-top:1em;font-weight:600}.help{white-space:pre-wrap;margin:.25em 0}</style>
</head><body>
<h1>${escapeHtml(title)}</h1>
<p>This URL is an XML-RPC endpoint: POST a <code>&lt;methodCall&gt;</code> with <code>Content-Type: text/xml</code>. It offers ${entries.length} methods.</p>
<dl>
${entries.join('\n')}
</dl>
</body></html>
`
}
