import { slugify } from '../../../../shared/slug'
import type { DraftFormat } from '../../../../shared/model'

export { slugify }

/** Markdown is published as HTML, so it gets .html too; plain text stays .txt. */
export function defaultPath(title: string, format: DraftFormat): string {
  return `${slugify(title) || 'untitled'}.${format === 'text' ? 'txt' : 'html'}`
}
