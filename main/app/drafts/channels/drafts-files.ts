import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Input } from '../../../../shared/api'
import type { Draft } from '../../../../shared/model'
import { stagingDir } from '../../../store/stage'
import type { AppContext } from '../../core/context'
import { enclosurePath, moveBack, moveInDurably } from '../enclosure-files'
import { failWith } from '../../core/failure'
import { bareMimeType } from '../../../base/mime'
import { diskError, isErrno } from '../../../store/store-error'
import { announce } from '../draft-saved'
import { draftOf } from './drafts'

const taken = (draft: Draft, name: string): void => {
  if (draft.enclosures?.some((e) => e.name === name))
    failWith(
      'invalid-input',
      `"${name}" is already attached to this draft. Detach it first, or give this file another name.`,
      { field: 'name' },
    )
}

/** A staged upload (by the fileId the upload answered) becomes one of the draft's enclosures. */
export async function attachFile(ctx: AppContext, input: Input<'drafts.attach'>): Promise<Draft> {
  const { draftId, fileId } = input
  // The schema checked the name (printable, no path separators) and the MIME type's form.
  const name = input.name.trim()
  const type = input.type || bareMimeType(name)
  const draft = await draftOf(ctx, draftId)
  if (draft.kind === 'page')
    return failWith(
      'invalid-input',
      'A web page has no enclosures: publish the file as a page of its own, or attach it to a message.',
    )
  taken(draft, name)
  const staged = join(stagingDir(ctx.dataDir), fileId)
  const stored = enclosurePath(ctx.drafts.dir, draftId, fileId)
  const size = await moveInDurably(staged, stored).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT')
      return failWith(
        'not-found',
        `There is no staged upload ${fileId} (it may have been attached already). Upload the file again.`,
        { field: 'fileId' },
      )
    throw isErrno(e) ? diskError(e, { lead: 'Not attached', keeps: 'the upload is still staged' }) : e
  })
  try {
    const saved = await ctx.drafts.amend(draftId, (d) => {
      taken(d, name)
      return { enclosures: [...(d.enclosures ?? []), { name, type, size, storedAs: fileId }] }
    })
    return announce(ctx, saved)
  } catch (e) {
    await moveBack(stored, staged)
    throw e
  }
}

/**
 * Removes the record first (durably), then the bytes: a crash between
 * leaves a stray file, never a record without bytes.
 */
export async function detachFile(ctx: AppContext, { draftId, name }: Input<'drafts.detach'>): Promise<Draft> {
  let storedAs: string | undefined
  const saved = await ctx.drafts.amend(draftId, (d) => {
    const e =
      d.enclosures?.find((x) => x.name === name) ??
      failWith('not-found', `"${name}" is not attached to this draft.`, { field: 'name' })
    storedAs = e.storedAs
    return { enclosures: d.enclosures!.filter((x) => x !== e) }
  })
  await rm(enclosurePath(ctx.drafts.dir, draftId, storedAs!), { force: true })
  return announce(ctx, saved)
}

/** One draft, or all of them, as files in a new `exports/<time>/` folder. */
export async function exportDrafts(ctx: AppContext, { id }: Input<'drafts.export'>): Promise<{ files: string[] }> {
  const dir = join(ctx.dataDir, 'exports', new Date().toISOString().replace(/[:.]/g, '-'))
  if (id === undefined) return { files: await ctx.drafts.exportAll(dir) }
  await draftOf(ctx, id)
  return { files: await ctx.drafts.exportDraft(id, dir) }
}
