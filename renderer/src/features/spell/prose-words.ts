import type { DraftFormat } from '../../../../shared/model'

/** A word to check, by its offsets in the body. */
export interface ProseWord {
  word: string
  start: number
  end: number
}

// What is not prose, per format: blanked (same length, so offsets hold) before words are found.
const url = /\b(?:https?|ftp|mailto):[^\s<>"')\]]+|\bwww\.[^\s<>"')\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi
const htmlNotProse = [
  /<!--[\s\S]*?(?:-->|$)/g, // comments
  /<(script|style|code|pre|kbd|samp|var)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, // code and what is not text
  /<[^>]*>?/g, // every tag, with its attributes
  /&#?\w+;/g, // entities
]
const markdownNotProse = [
  /^(```|~~~)[\s\S]*?(?:^\1|$(?![\s\S]))/gm, // fenced code
  /`[^`\n]*`/g, // inline code
  /^(?: {4}|\t).*$/gm, // indented code
  /\]\([^)]*\)/g, // a link's target
  ...htmlNotProse,
]

const blank = (s: string) => s.replace(/[^\n]/g, ' ')

/** The text with code, markup, URLs and addresses blanked out: only prose is left at its offsets. */
export function proseOnly(text: string, format: DraftFormat): string {
  let t = text
  const rules = format === 'html' ? htmlNotProse : format === 'markdown' ? markdownNotProse : []
  for (const r of rules) t = t.replace(r, blank)
  return t.replace(url, blank)
}

// Letters with inner apostrophes or hyphens ("don't", "well-known" as two words is fine for Hunspell).
const wordPattern = /\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*/gu

/** The words a spell checker should see: no numbers, no ALLCAPS acronyms, no words with digits. */
export function proseWords(text: string, format: DraftFormat): ProseWord[] {
  const prose = proseOnly(text, format)
  const words: ProseWord[] = []
  for (const m of prose.matchAll(wordPattern)) {
    const word = m[0].replace(/’/g, "'")
    const start = m.index
    const end = start + m[0].length
    if (word.length < 2 || /^\p{Lu}+$/u.test(word)) continue
    if (/[\d_]/.test(prose[end] ?? '') || /[\d_]/.test(prose[start - 1] ?? '')) continue
    words.push({ word, start, end })
  }
  return words
}
