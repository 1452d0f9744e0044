import type { AppContext } from '../../core/context'

export const listNotices = (ctx: AppContext) => ctx.notices.list()

export async function clearNotices(ctx: AppContext) {
  return { cleared: await ctx.notices.clear() }
}
