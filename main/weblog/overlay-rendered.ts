import { contentHash } from './hash-cache'
import type { RenderStep } from './render-step'
import type { LocalFile } from './site-scan'

/**
 * For a dry run: the site folder as it would be after rendering, without writing it. Generated
 * files take their would-be content; files the renderer would remove are gone.
 */
export function overlayRendered(
  local: readonly LocalFile[],
  rendered: Pick<RenderStep, 'files' | 'removed'>,
): LocalFile[] {
  const removed = new Set(rendered.removed)
  const out = local.filter((f) => !removed.has(f.path) && !rendered.files.has(f.path))
  for (const [path, text] of rendered.files) {
    const bytes = Buffer.from(text, 'utf8')
    const hash = contentHash(bytes)
    out.push({ path, size: bytes.length, hash, read: async () => ({ bytes, hash }) })
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
