/** Servers end lines their own way and may trim trailing blanks; nothing else is forgiven. */
const norm = (s: string): string =>
  s
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .trim()

export const sameText = (a: string, b: string): boolean => norm(a) === norm(b)
