import type { Input, Output } from '../../../../shared/api'
import type { AppContext } from '../../core/context'
import { failWith } from '../../core/failure'

export const listVersions = (ctx: AppContext, { id }: Input<'drafts.versions'>): Promise<Output<'drafts.versions'>> =>
  ctx.drafts.versions(id)

export async function getVersion(ctx: AppContext, { id, key }: Input<'drafts.version'>) {
  return (
    (await ctx.drafts.version(id, key)) ??
    failWith('not-found', 'That version of the draft is no longer kept (older versions thin out to one a day).')
  )
}
