import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { bareMimeType } from '../../base/mime'
import { InvalidInputError } from '../invalid-input-error'
import { TransportError } from '../../xmlrpc/errors'
import type { BlogCallOpts } from './call-blog'
import { blogKeyOf, type BlogLogin } from './blog-login'
import type { MediaLedger, MediaRecord, PendingUpload } from './media-ledger'
import { findUpload, getMediaLibrary } from './media-library'
import { offers } from '../unsupported'
import { fileUrlPath, findMediaLinks, rewriteLinks, type MediaLink } from './media-links'
import { newMediaObject } from './new-media-object'

export interface UploadMediaOptions extends BlogCallOpts {
  ledger: MediaLedger
  /** The local file a link names, or null for links to leave alone. Default: file: URLs only. */
  resolveLocal?: (ref: string) => string | null
  readFile?: (path: string) => Promise<Uint8Array>
  /** The name to upload a local file under (it also decides the type). Default: its base name. */
  nameOf?: (path: string) => string
  now?: () => Date
}

export interface MediaUse {
  path: string
  sha256: string
  record: MediaRecord
  /** false when the ledger already had it for this blog (nothing was sent). */
  uploaded: boolean
}

/**
 * Before a post goes out: every local file its body links to (img src, a href…) is uploaded with
 * metaWeblog.newMediaObject unless this blog already has the same bytes, and the links are
 * rewritten to the blog's URLs. The ledger is updated after each upload, so a failure half-way
 * loses nothing already sent. Returns the body to post.
 */
export async function uploadPostMedia(
  login: BlogLogin,
  html: string,
  opts: UploadMediaOptions,
): Promise<{ html: string; media: MediaUse[] }> {
  const resolve = opts.resolveLocal ?? fileUrlPath
  const read = opts.readFile ?? ((p: string) => readFile(p))
  const blogKey = blogKeyOf(login)
  const byPath = new Map<string, MediaUse>()
  const replacements: { link: MediaLink; to: string }[] = []
  for (const link of findMediaLinks(html)) {
    const path = resolve(link.ref)
    if (path === null) continue
    let use = byPath.get(path)
    if (!use) {
      use = await ensureUploaded(login, blogKey, path, await readLocal(read, path, link.ref), opts)
      byPath.set(path, use)
    }
    replacements.push({ link, to: use.record.url })
  }
  return { html: rewriteLinks(html, replacements), media: [...byPath.values()] }
}

async function ensureUploaded(
  login: BlogLogin,
  blogKey: string,
  path: string,
  bits: Uint8Array,
  opts: UploadMediaOptions,
): Promise<MediaUse> {
  const sha256 = createHash('sha256').update(bits).digest('hex')
  const known = await opts.ledger.lookup(blogKey, sha256)
  if (known) return { path, sha256, record: known, uploaded: false }
  const type = bareMimeType(opts.nameOf?.(path) ?? basename(path))
  const name = uploadName(login, opts.nameOf?.(path) ?? basename(path), sha256)
  const { signal, onUploadProgress, timeoutMs } = opts
  const at = () => (opts.now?.() ?? new Date()).toISOString()
  const recordOf = (url: string): MediaRecord => ({ url, name, type, size: bits.byteLength, uploadedAt: at() })
  // An earlier upload of these bytes lost its answer: what it made is looked up before sending again.
  const lost = await opts.ledger.pending(blogKey, sha256)
  if (lost) {
    const found = await findLostUpload(login, lost, { signal, timeoutMs })
    if (found) {
      const record = recordOf(found.url)
      await opts.ledger.remember(blogKey, sha256, record)
      return { path, sha256, record, uploaded: false }
    }
  }
  await opts.ledger.markSending(blogKey, sha256, { name, type, size: bits.byteLength, sentAt: at() })
  const sent = await newMediaObject(
    login,
    { name, type, bits, ...(hashNamed(login) ? { overwrite: true } : {}) },
    { signal, onUploadProgress, timeoutMs },
  ).catch((e: unknown) => {
    // The web server in front of the blog refused the body's size: no retry will change that.
    if (e instanceof TransportError && e.status === 413)
      throw new InvalidInputError(
        `“${name}” (${megabytes(bits.byteLength)}) is too big for this host: it refused the upload (HTTP 413). Make the file smaller, or ask the host to raise its upload limit.`,
        'description',
      )
    throw e
  })
  const record = recordOf(sent.url)
  await opts.ledger.remember(blogKey, sha256, record)
  return { path, sha256, record, uploaded: true }
}

// WordPress: the 50 newest items of that type, matched by sanitised name and size.
async function findLostUpload(login: BlogLogin, lost: PendingUpload, opts: BlogCallOpts) {
  const items = await getMediaLibrary(login, { number: 50, mimeType: lost.type }, opts)
  return items ? findUpload(items, lost.name, lost.size) : undefined
}

// A server known to have no media library to search: the name carries the content hash and the
// upload overwrites, so sending the same bytes again replaces the file instead of adding a copy.
const hashNamed = (login: BlogLogin): boolean => offers(login.profile, 'wp.getMediaLibrary') === false

function uploadName(login: BlogLogin, name: string, sha256: string): string {
  if (!hashNamed(login)) return name
  const dot = name.lastIndexOf('.')
  return dot > 0 ? `${name.slice(0, dot)}-${sha256.slice(0, 12)}${name.slice(dot)}` : `${name}-${sha256.slice(0, 12)}`
}

async function readLocal(read: (p: string) => Promise<Uint8Array>, path: string, ref: string): Promise<Uint8Array> {
  try {
    return await read(path)
  } catch (e) {
    const why =
      (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'is not there any more'
        : `cannot be read (${(e as Error).message})`
    throw new InvalidInputError(
      `The post links to ${ref}, which ${why}. Put the file back or remove the link, then publish again.`,
      'description',
    )
  }
}

const megabytes = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`
