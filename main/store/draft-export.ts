import { slugify } from '../../shared/slug'
import { join } from 'node:path'
import type { Draft, DraftFormat } from '../../shared/model'
import { atomicWrite } from './atomic-write'
import { ensureDir, type FsLayer } from './fs-layer'
import { diskError, isErrno } from './store-error'

const extensions: Record<DraftFormat, string> = { html: 'html', markdown: 'md', text: 'txt' }

const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)

/** A readable, portable file name: the title's words plus the id, so exports never collide. */
export function exportBaseName(draft: Draft): string {
  return `${slugify(draft.title) || 'untitled'}-${draft.id}`
}

/** The body as a file people can open: a page that is already a whole document is left as it is. */
export function documentText(draft: Draft): string {
  const { title, body } = draft
  if (draft.format === 'html') {
    if (/^\s*(<!doctype|<html)/i.test(body)) return body
    return `<!doctype html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body>\n${body}\n</body></html>\n`
  }
  const heading = draft.format === 'markdown' ? `# ${title}` : title
  return title ? `${heading}\n\n${body}\n` : `${body}\n`
}

/** What an export writes for one draft: the document by its format, and the full record as JSON. */
export function exportFiles(draft: Draft): { name: string; content: string }[] {
  const base = exportBaseName(draft)
  return [
    { name: `${base}.${extensions[draft.format]}`, content: documentText(draft) },
    { name: `${base}.json`, content: `${JSON.stringify(draft, null, 2)}\n` },
  ]
}

/** Writes a draft's export files into `dir` (durably, like everything else) and returns their paths. */
export async function exportDraftFiles(fs: FsLayer, draft: Draft, dir: string): Promise<string[]> {
  try {
    await ensureDir(fs, dir)
    const paths: string[] = []
    for (const { name, content } of exportFiles(draft)) {
      await atomicWrite(fs, join(dir, name), content)
      paths.push(join(dir, name))
    }
    return paths
  } catch (e) {
    throw isErrno(e) ? diskError(e, { lead: 'Not exported', keeps: 'the drafts themselves are unchanged' }) : e
  }
}
