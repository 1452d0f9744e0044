import { ProtocolError } from '../../xmlrpc/errors'
import { getMember, isStruct } from '../../xmlrpc/get-member'
import type { XmlRpcStruct } from '../../xmlrpc/values'
import { describe } from '../call-server'
import { readString } from '../read-members'
import { callBlog, type BlogCallOpts } from './call-blog'
import type { BlogLogin } from './blog-login'

export interface BlogCategory {
  /** The name to send in a post's `categories`. */
  name: string
  /** String form of categoryId, when the engine has ids (WordPress, Movable Type). */
  id: string | null
  parentId: string | null
  description: string
  htmlUrl: string | null
  rssUrl: string | null
}

/**
 * metaWeblog.getCategories(blogid, username, password). The MetaWeblog spec answers a struct keyed
 * by category name; WordPress and Movable Type an array of structs (categoryName, categoryId…).
 * Both shapes are read, sorted by name, for a picker that can be cached offline.
 */
export async function getCategories(login: BlogLogin, opts: BlogCallOpts = {}): Promise<BlogCategory[]> {
  const method = 'metaWeblog.getCategories'
  const answer = await callBlog(login, method, [login.blogid, login.username, login.password], opts)
  let list: BlogCategory[]
  if (Array.isArray(answer)) list = answer.filter(isStruct).map((s) => categoryOf(s))
  else if (isStruct(answer))
    list = Object.keys(answer).flatMap((name) =>
      isStruct(answer[name]) ? [categoryOf(answer[name] as XmlRpcStruct, name)] : [],
    )
  else
    throw new ProtocolError(
      `${method} answered with ${describe(answer)} where an array or a struct was expected.`,
      {},
      login.client.url,
    )
  return list.filter((c) => c.name !== '').sort((a, b) => a.name.localeCompare(b.name))
}

function categoryOf(s: XmlRpcStruct, key?: string): BlogCategory {
  const idOf = (name: string) => {
    const v = getMember(s, name)
    return typeof v === 'number' || (typeof v === 'string' && v !== '') ? String(v) : null
  }
  return {
    name: readString(s, 'categoryName') ?? key ?? readString(s, 'description') ?? readString(s, 'title') ?? '',
    id: idOf('categoryId'),
    parentId: idOf('parentId'),
    description: readString(s, 'categoryDescription') ?? readString(s, 'description') ?? '',
    htmlUrl: readString(s, 'htmlUrl') ?? null,
    rssUrl: readString(s, 'rssUrl') ?? null,
  }
}
