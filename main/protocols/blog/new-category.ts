import { UnsupportedError } from '../unsupported'
import { toInt } from '../read-members'
import { ProtocolError } from '../../xmlrpc/errors'
import { callBlog, type BlogCallOpts } from './call-blog'
import type { BlogLogin } from './blog-login'

export interface NewCategory {
  name: string
  /** The parent category's id (as getCategories gives it); absent for a top-level category. */
  parentId?: string
}

/**
 * Creates a category: wp.newTerm (WordPress 3.4+, taxonomy "category"), falling back to the older
 * wp.newCategory where newTerm is not offered. → the new category's id. An Author or a Contributor
 * gets fault 401 from both (BlogFault, faultKind 'permission').
 */
export async function createCategory(login: BlogLogin, c: NewCategory, opts: BlogCallOpts = {}): Promise<string> {
  const parent = c.parentId !== undefined ? Number(c.parentId) : undefined
  let answer
  try {
    answer = await callBlog(
      login,
      'wp.newTerm',
      [
        login.blogid,
        login.username,
        login.password,
        { name: c.name, taxonomy: 'category', ...(parent ? { parent } : {}) },
      ],
      opts,
    )
  } catch (e) {
    if (!(e instanceof UnsupportedError)) throw e
    answer = await callBlog(
      login,
      'wp.newCategory',
      [login.blogid, login.username, login.password, { name: c.name, ...(parent ? { parent_id: parent } : {}) }],
      opts,
    )
  }
  const id = toInt(answer)
  if (id === undefined)
    throw new ProtocolError(`The blog answered no category id for “${c.name}”.`, {}, login.client.url)
  return String(id)
}
