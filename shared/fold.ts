/**
 * Search folding: case and diacritics fold away, so "grusse" finds "Grüße" and "cafe" finds
 * "Café". Letters that decomposition leaves alone get their usual Latin spelling.
 */
const LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' }
const SPECIAL = /[ßæœøłđðþı]/g
const MARKS = /\p{M}+/gu

export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(SPECIAL, (c) => LETTERS[c])
}

/** The words of a query, folded; empty when there is nothing to look for. */
export const foldedWords = (query: string): string[] => fold(query).split(/\s+/).filter(Boolean)
