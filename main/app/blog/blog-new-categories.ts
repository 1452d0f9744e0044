import type { BlogLogin } from '../../protocols/blog/blog-login'
import { getCategories } from '../../protocols/blog/categories'
import { readerText } from '../../protocols/blog/html-compare'
import { createCategory } from '../../protocols/blog/new-category'
import { mayManageCategories } from '../../protocols/blog/wp-profile'
import { learnRoles } from './blog-role'

// WordPress matches category names without regard to case, and keeps them entity-encoded.
const key = (name: string): string => readerText(name).toLowerCase()

/** The names a post asks for that the blog has no category for (read live from the blog). */
export async function missingCategories(login: BlogLogin, wanted: string[] | undefined): Promise<string[]> {
  const names = (wanted ?? []).map((n) => n.trim()).filter((n) => n !== '')
  if (names.length === 0) return []
  const have = new Set((await getCategories(login)).map((c) => key(c.name)))
  return [...new Set(names)].filter((n) => !have.has(key(n)))
}

export interface CategoryPlan {
  missing: string[]
  /** true: the account may create them; false: it may not (say so before sending); null: unknown, try. */
  mayCreate: boolean | null
  roles: string[] | null
}

/** What publishing these categories would need: which are missing and whether this account may create them. */
export async function planCategories(
  dataDir: string,
  accountId: string,
  login: BlogLogin,
  wanted: string[] | undefined,
  now: Date,
): Promise<CategoryPlan> {
  const missing = await missingCategories(login, wanted)
  if (missing.length === 0) return { missing, mayCreate: null, roles: null }
  const roles = await learnRoles(dataDir, accountId, login, now)
  return { missing, mayCreate: roles === null ? null : mayManageCategories(roles), roles }
}

/** Creates the missing categories (top level) before the post goes: WordPress would drop them otherwise. */
export async function createCategories(login: BlogLogin, names: string[]): Promise<void> {
  for (const name of names) await createCategory(login, { name })
}

/** For people: why the categories cannot be created, and what to do. */
export function cannotCreateMessage(missing: string[], roles: string[] | null): string {
  const list = missing.map((n) => `‘${n}’`).join(', ')
  const role = roles?.[0]
  const who = role ? `${/^[aeiou]/i.test(role) ? 'an' : 'a'} ${capital(role)}` : 'this account'
  const it = missing.length === 1 ? 'it' : 'them'
  return `The blog has no ${missing.length === 1 ? 'category' : 'categories'} ${list}, and your account there (${who}) may not create categories, so the blog would drop ${it}. Publish without ${it}, pick an existing category, or ask an administrator to create ${it}.`
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)
