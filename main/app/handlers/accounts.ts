import type { Account } from '../../../shared/model'
import { passwordKey } from '../../store/secrets'
import type { AppContext } from '../context'

/** Accounts as the renderer may see them: whether a password is stored, never the password. */
export async function listAccounts(ctx: AppContext): Promise<Account[]> {
  const accounts = ctx.settings.get().accounts
  return Promise.all(accounts.map(async (a) => ({ ...a, hasPassword: (await ctx.secrets.get(passwordKey(a.id))) !== undefined })))
}
