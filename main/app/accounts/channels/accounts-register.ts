import type { Input } from '../../../../shared/api'
import type { Account } from '../../../../shared/model'
import { mailPasswordToUser } from '../../../protocols/mail-password'
import { registerUser } from '../../../protocols/register-user'
import { offers } from '../../../protocols/unsupported'
import { communityOf, passwordOf, requireKind } from '../account-login'
import type { AppContext } from '../../core/context'
import { failWith } from '../../core/failure'
import { serverCall } from '../server-call'
import { shown } from './accounts'

type ById = Input<'accounts.register'> & Input<'accounts.forgotPassword'>
const accountOf = (ctx: AppContext, input: ById): Account => ctx.account(input.id)

/** registerUser with the account's e-mail, name and stored password; the usernum is kept exactly as returned. */
export async function registerAccount(ctx: AppContext, input: ById): Promise<Account> {
  const account = accountOf(ctx, input)
  requireKind(account, 'community', 'Registering')
  const password = await passwordOf(ctx, account)
  const server = await communityOf(ctx, account)
  const reg = await serverCall(account, 'xmlStorageSystem.registerUser', () =>
    registerUser(server, { email: account.username, name: account.name, password, clientPort: 0 }),
  )
  let saved: Account | undefined
  await ctx.settings.update((s) => {
    const a = s.accounts.find((x) => x.id === account.id)
    if (!a) return
    a.usernum = reg.usernum
    a.profile = reg.profile // the registerUser arity that worked
    saved = { ...a }
  })
  return shown(ctx, saved ?? { ...account, usernum: reg.usernum, profile: reg.profile })
}

const MAIL = 'xmlStorageSystem.mailPasswordToUser'

/** The server mails the member their password, where it offers that (UserLand's RCS does, PyCS does not). */
export async function forgotPassword(ctx: AppContext, input: ById): Promise<{ message: string }> {
  const account = accountOf(ctx, input)
  const server = await communityOf(ctx, account)
  if (offers(server.profile, MAIL) === false) {
    return failWith(
      'unsupported',
      `The server of "${account.name}" does not offer ${MAIL}, so it cannot mail you the password. Ask its administrator, or register again.`,
      { method: MAIL },
    )
  }
  const r = await serverCall(account, MAIL, () => mailPasswordToUser(server, account.username))
  return { message: r.message || `The server is mailing the password for ${account.username}.` }
}
