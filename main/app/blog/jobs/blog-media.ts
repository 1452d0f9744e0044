import { appError } from '../../../../shared/errors'
import type { Job, JobFile } from '../../../../shared/model'
import type { BlogLogin } from '../../../protocols/blog/blog-login'
import { uploadPostMedia } from '../../../protocols/blog/upload-media'
import { outcomeOf, type Outcome } from '../../../queue/outcome'
import type { AttemptContext } from '../../../queue/performer'
import { attachmentNamed } from '../blog-attachments'
import type { PerformerDeps } from '../../core/performer-deps'
import { errorOf } from '../../queue/error-of'

export interface PostMedia {
  /** The body with every link to an attached file pointing at the blog's copy. */
  html: string
  files: JobFile[]
}

/**
 * Before a post goes out: the draft's attached files its body links to (job.files, by name) go up
 * with metaWeblog.newMediaObject unless the durable ledger says this blog has those bytes already,
 * and the links are rewritten to the returned URLs. Uploads change nothing a retry could double
 * (the ledger remembers each one), so any failure here is an idempotent one: the post itself has
 * not been sent.
 */
export async function uploadJobMedia(
  deps: PerformerDeps,
  login: BlogLogin,
  job: Job,
  html: string,
  attempt: AttemptContext,
): Promise<PostMedia | Outcome> {
  const wanted = job.files ?? []
  if (wanted.length === 0) return { html, files: [] }
  const draft = await deps.draft(job.draftId).catch(() => undefined)
  const enclosures = draft?.enclosures ?? []
  const gone = wanted.find((f) => !enclosures.some((e) => e.name === f.path))
  if (gone)
    return {
      kind: 'attention',
      error: appError(
        'not-found',
        `“${gone.path}” is no longer attached to the draft, so the post was not sent. Attach it again, or remove its link from the post, then publish again.`,
        { file: gone.path },
      ),
    }
  if (!deps.mediaLedger || !deps.enclosurePath)
    return {
      kind: 'attention',
      error: appError('internal', 'This build of Upstream cannot upload a post’s files (no media ledger).'),
    }
  const ledger = deps.mediaLedger(job.accountId)
  const pathOf = deps.enclosurePath
  const names = new Set(wanted.map((f) => f.path))
  const resolveLocal = (ref: string): string | null => {
    const e = attachmentNamed(ref, enclosures)
    return e && names.has(e.name) ? pathOf(job.draftId, e.storedAs) : null
  }
  // Stored under an id in the draft's folder; the blog gets the name the writer attached it as.
  const nameOf = (path: string): string =>
    enclosures.find((e) => pathOf(job.draftId, e.storedAs) === path)?.name ?? path
  try {
    const out = await uploadPostMedia(login, html, {
      ledger,
      resolveLocal,
      nameOf,
      signal: attempt.signal,
      onUploadProgress: attempt.progress,
      now: deps.now,
    })
    const at = deps.now().toISOString()
    const files = wanted.map((f): JobFile => {
      const e = enclosures.find((x) => x.name === f.path)!
      const use = out.media.find((m) => m.path === pathOf(job.draftId, e.storedAs))
      return use ? { path: f.path, status: 'sent', bytes: use.record.size, url: use.record.url, at } : f
    })
    return { html: out.html, files }
  } catch (e) {
    return outcomeOf(errorOf(e, { method: 'metaWeblog.newMediaObject', url: login.client.url }), true, deps.now())
  }
}
