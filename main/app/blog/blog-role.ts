import { blogKeyOf, type BlogLogin } from '../../protocols/blog/blog-login'
import { getRoles } from '../../protocols/blog/wp-profile'
import { blogFile, readBlogJson, updateBlogJson } from './blog-files'

/** `<data>/blogs/<accountId>/role.json`: the account's roles on its blog, as wp.getProfile said. */
export interface KnownRole {
  /** Which blog (endpoint#blogid): roles on another blog mean nothing here. */
  blogKey: string
  /** null: the server has no wp.getProfile (not WordPress), so nothing is known. */
  roles: string[] | null
  fetchedAt: string
}

const fileOf = (dataDir: string, accountId: string) => blogFile(dataDir, accountId, 'role.json')

/**
 * The account's roles: asked of the blog (a role can change at any time, and the question is one
 * small call), kept on disk so an offline check still knows the last answer.
 */
export async function learnRoles(
  dataDir: string,
  accountId: string,
  login: BlogLogin,
  now: Date,
): Promise<string[] | null> {
  const blogKey = blogKeyOf(login)
  try {
    const roles = (await getRoles(login)) ?? null
    await updateBlogJson<KnownRole>(fileOf(dataDir, accountId), () => ({
      blogKey,
      roles,
      fetchedAt: now.toISOString(),
    })).catch(() => {})
    return roles
  } catch (e) {
    const kept = await readBlogJson<KnownRole>(fileOf(dataDir, accountId)).catch(() => undefined)
    if (kept?.blogKey === blogKey) return kept.roles
    throw e
  }
}
