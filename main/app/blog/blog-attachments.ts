import type { Enclosure } from '../../../shared/model'
import { findMediaLinks } from '../../protocols/blog/media-links'

/**
 * The draft's attached file a link in a post names, or undefined. A link names a file by its
 * name as attached ("dot.png", "./dot.png", or URL-escaped "red%20dot.png"); anything with a
 * scheme, a leading slash, or a fragment/query only is someone else's URL and is left alone, as
 * are names of files not attached (never a path on this machine: a pasted body must not be able
 * to upload a file of the writer's to the blog).
 */
export function attachmentNamed(ref: string, enclosures: readonly Enclosure[] = []): Enclosure | undefined {
  let name = ref.trim().replace(/^\.\//, '')
  if (name === '' || /^[a-z][a-z0-9+.-]*:/i.test(name) || /^[/#?]/.test(name)) return undefined
  try {
    name = decodeURIComponent(name)
  } catch {
    // Not escaped after all: the name as written.
  }
  return enclosures.find((e) => e.name === name)
}

/** Names of the attached files the body links to (img src, a href…), each once, in order. */
export function linkedAttachments(html: string, enclosures: readonly Enclosure[] = []): string[] {
  const names: string[] = []
  for (const link of findMediaLinks(html)) {
    const e = attachmentNamed(link.ref, enclosures)
    if (e && !names.includes(e.name)) names.push(e.name)
  }
  return names
}
