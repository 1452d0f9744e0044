import type { ServerProfile } from '../../../../shared/server-profile'
import type { AppContext } from '../../core/context'

/** Keeps what a call found out about the account's server (detected, or learned by a fallback). */
export async function saveProfile(ctx: AppContext, accountId: string, profile: ServerProfile): Promise<void> {
  await ctx.settings.update((s) => {
    const a = s.accounts.find((x) => x.id === accountId)
    if (a) a.profile = profile
  })
}
