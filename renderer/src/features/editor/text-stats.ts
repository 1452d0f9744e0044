import type { DraftFormat } from '../../../../shared/model'

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/** Visible text of an HTML body, roughly as a reader sees it; good enough for counting. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m
      }
      return entities[name.toLowerCase()] ?? m
    })
}

const word = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu

export function textStats(body: string, format: DraftFormat): { words: number; characters: number } {
  const text = (format === 'html' ? visibleText(body) : body).replace(/\s+/g, ' ').trim()
  return { words: text.match(word)?.length ?? 0, characters: [...text].length }
}
