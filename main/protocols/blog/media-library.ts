import { isStruct } from '../../xmlrpc/get-member'
import { readInt, readString, readStruct } from '../read-members'
import { UnsupportedError } from '../unsupported'
import { callBlog, type BlogCallOpts } from './call-blog'
import type { BlogLogin } from './blog-login'

export interface LibraryItem {
  id: string
  /** The file's address (WordPress: `link`). */
  url: string
  title: string
  type: string
  /** metadata.filesize (WordPress 6.0+), when the server says. */
  size: number | null
  dateCreated: string | null
}

/**
 * wp.getMediaLibrary(blogid, username, password, {number, mime_type}) → the newest items, newest
 * first. It cannot filter by name, so callers match names themselves. undefined where the server
 * has no media library (not WordPress).
 */
export async function getMediaLibrary(
  login: BlogLogin,
  filter: { number?: number; mimeType?: string },
  opts: BlogCallOpts = {},
): Promise<LibraryItem[] | undefined> {
  let answer
  try {
    answer = await callBlog(
      login,
      'wp.getMediaLibrary',
      [
        login.blogid,
        login.username,
        login.password,
        { number: filter.number ?? 50, ...(filter.mimeType ? { mime_type: filter.mimeType } : {}) },
      ],
      opts,
    )
  } catch (e) {
    if (e instanceof UnsupportedError) return undefined
    throw e
  }
  if (!Array.isArray(answer)) return []
  return answer.filter(isStruct).flatMap((s): LibraryItem[] => {
    const url = readString(s, 'link')
    if (!url) return []
    const id = s.attachment_id
    return [
      {
        id: typeof id === 'string' || typeof id === 'number' ? String(id) : '',
        url,
        title: readString(s, 'title') ?? '',
        type: readString(s, 'type') ?? '',
        size: readInt(readStruct(s, 'metadata') ?? {}, 'filesize') ?? null,
        dateCreated: null,
      },
    ]
  })
}

/** The name WordPress files an upload under (sanitize_file_name, roughly): "My photo.PNG" → "My-photo.PNG". */
export function sanitisedFileName(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
  return base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+/, '')
}

/**
 * The item a lost upload made, if the library has it: the same sanitised name (or WordPress's
 * "-1", "-2" for a clash) and the same size in bytes. Several: none is picked (never guessed).
 */
export function findUpload(items: LibraryItem[], name: string, size: number): LibraryItem | undefined {
  const clean = sanitisedFileName(name).toLowerCase()
  const dot = clean.lastIndexOf('.')
  const stem = dot > 0 ? clean.slice(0, dot) : clean
  const ext = dot > 0 ? clean.slice(dot) : ''
  const same = items.filter((i) => {
    const file = decodeURIComponent(i.url.slice(i.url.lastIndexOf('/') + 1)).toLowerCase()
    const named =
      file === clean ||
      (file.startsWith(`${stem}-`) &&
        file.endsWith(ext) &&
        /^\d+$/.test(file.slice(stem.length + 1, file.length - ext.length)))
    return named && i.size === size
  })
  return same.length === 1 ? same[0] : undefined
}
