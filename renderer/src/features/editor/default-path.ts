import type { DraftFormat } from '../../../../shared/model'

/** "Hello, World!" → "hello-world": ASCII, lower case, safe in any URL path on any server. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // é → e
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
}

/** Markdown is published as HTML, so it gets .html too; plain text stays .txt. */
export function defaultPath(title: string, format: DraftFormat): string {
  return `${slugify(title) || 'untitled'}.${format === 'text' ? 'txt' : 'html'}`
}
