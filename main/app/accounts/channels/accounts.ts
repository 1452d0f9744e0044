import { randomUUID } from 'node:crypto'
import type { Input } from '../../../../shared/api'
import type { Account } from '../../../../shared/model'
import { passwordKey } from '../../../store/secrets'
import { checkAccountInput, type CheckedAccount } from '../account-input'
import { withBlogEndpoint } from '../../blog/blog-site'
import { forgetBlogRefusal } from '../../blog/blog-refusal'
import type { AppContext } from '../../core/context'
import { failWith } from '../../core/failure'

/** An account as the renderer may see it: whether a password is stored, never the password. */
export async function shown(ctx: AppContext, a: Account): Promise<Account> {
  return { ...a, hasPassword: (await ctx.secrets.get(passwordKey(a.id))) !== undefined }
}

export async function listAccounts(ctx: AppContext): Promise<Account[]> {
  return Promise.all(ctx.settings.get().accounts.map((a) => shown(ctx, a)))
}

// The Local sandbox's address and member are Upstream's to manage (it moves them on restart).
const managed = ['kind', 'url', 'username', 'dgname', 'usernum'] as const

async function checkBuiltin(ctx: AppContext, current: Account, input: CheckedAccount): Promise<void> {
  const given = (k: (typeof managed)[number]) =>
    input.fields[k] !== undefined || (input.cleared as string[]).includes(k)
  const changed = managed.filter((k) => given(k) && (current[k] ?? '') !== (input.fields[k] ?? ''))
  const password = input.password !== undefined && input.password !== (await ctx.secrets.get(passwordKey(current.id)))
  if (changed.length > 0 || password) {
    failWith(
      'invalid-input',
      `The Local sandbox's ${[...changed, ...(password ? ['password'] : [])].join(', ')} are managed by Upstream. You may rename it or edit its server profile; add your own account for another server.`,
      { field: changed[0] ?? 'password' },
    )
  }
}

/**
 * Adds (no id) or edits an account. The password goes to the secrets store first, so
 * a saved account never lacks the password it was saved with.
 */
export async function saveAccount(ctx: AppContext, input: Input<'accounts.save'>): Promise<Account> {
  const checked = checkAccountInput(await withBlogEndpoint(ctx, input), (id) => ctx.account(id))
  const { current } = checked
  if (current?.builtin) await checkBuiltin(ctx, current, checked)
  const id = current?.id ?? randomUUID()
  if (checked.password !== undefined) await ctx.secrets.set(passwordKey(id), checked.password)
  // A password typed again is the person saying "try it again" (it may have been fixed on the server).
  if (checked.password !== undefined && checked.fields.kind === 'blog')
    forgetBlogRefusal(checked.fields, checked.password)
  // Editing keeps what the form does not carry (builtin, a usernum from registration, the profile).
  const next: Account = { ...(current ?? {}), ...checked.fields, id }
  for (const k of checked.cleared) delete next[k]
  delete next.hasPassword
  await ctx.settings.update((s) => {
    const at = s.accounts.findIndex((a) => a.id === id)
    if (at >= 0) s.accounts[at] = next
    else s.accounts.push(next)
  })
  return shown(ctx, next)
}

/** Removes an account and its password; refused while the queue still has work for it. */
export async function removeAccount(ctx: AppContext, input: Input<'accounts.remove'>): Promise<{ removed: true }> {
  const account = ctx.account(input.id)
  if (account.builtin)
    return failWith('invalid-input', `"${account.name}" comes with Upstream and cannot be removed. You may rename it.`)
  const waiting = ctx.jobs
    .list()
    .filter((j) => j.accountId === account.id && j.state !== 'done' && j.state !== 'cancelled')
  if (waiting.length > 0)
    return failWith(
      'conflict',
      `${waiting.length} job(s) in the queue publish to "${account.name}". Let them finish or cancel them, then remove the account.`,
      { jobId: waiting[0].id },
    )
  await ctx.settings.update((s) => {
    s.accounts = s.accounts.filter((a) => a.id !== account.id)
  })
  await ctx.secrets.delete(passwordKey(account.id))
  return { removed: true }
}
