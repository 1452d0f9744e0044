const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text for HTML or XML content and attribute values: both quote kinds too, so templates may use either. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c])
}

// Characters XML 1.0 cannot carry at all, even escaped: a post pasted from elsewhere may hold them.
const NOT_XML =
  /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Escaped for XML, with what XML cannot hold dropped, so the feed always parses. */
export function escapeXml(text: string): string {
  return escapeMarkup(text.replace(NOT_XML, ''))
}
