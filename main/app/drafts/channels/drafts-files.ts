import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Draft } from '../../../../shared/model'
import { stagingDir } from '../../../store/stage'
import type { AppContext } from '../../core/context'
import { enclosurePath, moveBack, moveInDurably } from '../enclosure-files'
import { failWith } from '../../core/failure'
import { bareMimeType } from '../../../base/mime'
import { diskError, isErrno } from '../../../store/store-error'
import { object, string } from '../../core/validate'
import { announce } from '../draft-saved'
import { draftOf } from './drafts'

/** Printable, no path separators: the name is shown, and sent as the enclosure's address. */
function enclosureName(o: Record<string, unknown>): string {
  const name = string(o, 'name', { max: 255 }).trim()
  if (name === '' || name === '.' || name === '..' || /[/\\\x00-\x1f\x7f]/.test(name)) {
    return failWith(
      'invalid-input',
      `"${name}" cannot name an enclosure: use a file name without slashes or control characters.`,
      { field: 'name' },
    )
  }
  return name
}

function mimeType(o: Record<string, unknown>, name: string): string {
  if (o.type === undefined || o.type === '') return bareMimeType(name)
  const type = string(o, 'type', { max: 200 })
  if (!/^[\w.+-]+\/[\w.+-]+$/.test(type))
    return failWith('invalid-input', `"${type}" is not a MIME type such as "image/png".`, { field: 'type' })
  return type
}

const taken = (draft: Draft, name: string): void => {
  if (draft.enclosures?.some((e) => e.name === name))
    failWith(
      'invalid-input',
      `"${name}" is already attached to this draft. Detach it first, or give this file another name.`,
      { field: 'name' },
    )
}

/** A staged upload (by the fileId the upload answered) becomes one of the draft's enclosures. */
export async function attachFile(ctx: AppContext, input: unknown): Promise<Draft> {
  const o = object(input)
  const draftId = string(o, 'draftId', { max: 200 })
  const fileId = string(o, 'fileId', { max: 100 })
  if (!/^[A-Za-z0-9-]+$/.test(fileId))
    return failWith('invalid-input', '"fileId" must be the id the staging upload answered.', { field: 'fileId' })
  const name = enclosureName(o)
  const type = mimeType(o, name)
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

/** Removes the record first (durably), then the bytes: a crash between leaves a stray file, never a record without bytes. */
export async function detachFile(ctx: AppContext, input: unknown): Promise<Draft> {
  const o = object(input)
  const draftId = string(o, 'draftId', { max: 200 })
  const name = string(o, 'name', { max: 255 })
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
export async function exportDrafts(ctx: AppContext, input: unknown): Promise<{ files: string[] }> {
  const o = input === undefined || input === null ? {} : object(input)
  const dir = join(ctx.dataDir, 'exports', new Date().toISOString().replace(/[:.]/g, '-'))
  if (o.id === undefined) return { files: await ctx.drafts.exportAll(dir) }
  const id = string(o, 'id', { max: 200 })
  await draftOf(ctx, id)
  return { files: await ctx.drafts.exportDraft(id, dir) }
}
