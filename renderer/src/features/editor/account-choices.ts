import type { Account, AccountKind, DraftKind } from '../../../../shared/model'

/** Which accounts can take which kind of draft. */
const kindsFor: Record<DraftKind, AccountKind[]> = {
  page: ['webhost'],
  message: ['discussion'],
  post: ['community', 'blog'],
}

export function accountsFor(kind: DraftKind, accounts: readonly Account[]): Account[] {
  return accounts.filter((a) => kindsFor[kind].includes(a.kind))
}

/** New drafts go to the Local sandbox unless there is nothing like it. */
export function defaultAccountId(kind: DraftKind, accounts: readonly Account[]): string | null {
  const fit = accountsFor(kind, accounts)
  return (fit.find((a) => a.builtin === 'sandbox') ?? fit[0])?.id ?? null
}
