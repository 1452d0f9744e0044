// Which characters XML 1.0 can carry (production [2] Char), shared by the encoder and the scanner.

/** Code units XML forbids anywhere, even escaped as text (lone surrogates are checked separately). */
export const ILLEGAL_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/

/** XML 1.0 production [2] Char, for character references. */
export function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  )
}

/** "U+001B" for the code unit at `at`. */
export function codeUnitName(s: string, at: number): string {
  return 'U+' + s.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')
}

// String.prototype.isWellFormed/toWellFormed exist in Node 20, but the project's lib is ES2023.
type Es2024String = { isWellFormed(): boolean; toWellFormed(): string }
/** No lone surrogates (which no encoding can carry). */
export const isWellFormed = (s: string): boolean => (s as unknown as Es2024String).isWellFormed()
export const toWellFormed = (s: string): string => (s as unknown as Es2024String).toWellFormed()
