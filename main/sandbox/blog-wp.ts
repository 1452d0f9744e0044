import { XmlRpcFault } from '../xmlrpc/fault'
import type { XmlRpcStruct, XmlRpcValue } from '../xmlrpc/values'
import { struct } from '../xmlrpc/values'
import type { MethodRegistry } from './context'
import { BlogFaultCode } from './blog-access'
import { roleOf } from './blog-roles'
import { ID, signatures } from './blog-signatures'
import type { Blog } from './blog-store'
import type { BlogService } from './blog'
import type { Member } from './members'
import { arity, SandboxFault, str, structParam } from './params'

/** wp.getProfile, wp.newTerm and wp.newCategory, with WordPress's role rules and refusals. */
export function registerWp(rpc: MethodRegistry, b: BlogService): void {
  rpc.register(
    'wp.getProfile',
    async (params) => {
      arity('wp.getProfile', params, ['blogid', 'username', 'password', 'fields'], 3)
      const { member, blog: own } = await b.access.signIn(params[1], params[2])
      b.access.ownBlog(own, params[0])
      return struct({
        user_id: member.usernum,
        username: member.email,
        email: member.email,
        display_name: member.name,
        roles: [roleOf(member)],
      })
    },
    {
      signature: [
        ...signatures('struct', ID, 'string', 'string'),
        ...signatures('struct', ID, 'string', 'string', 'array'),
      ],
      help: 'wp.getProfile(blogid, username, password[, fields]) → {user_id, username, email, display_name, roles}: roles is ["administrator"], ["author"] or ["contributor"] (a +author/+contributor address).',
    },
  )

  rpc.register(
    'wp.newTerm',
    async (params) => {
      arity('wp.newTerm', params, ['blogid', 'username', 'password', 'content'])
      const { member, blog: own } = await b.access.signIn(params[1], params[2])
      const blog = b.access.ownBlog(own, params[0])
      const s = structParam('content', params[3])
      const taxonomy = str('content.taxonomy', s.taxonomy)
      if (taxonomy !== 'category')
        throw new XmlRpcFault(403, `The sandbox blog has no taxonomy “${taxonomy}” to add terms to (only category).`)
      return String(await newCategory(b, blog, member, s, 'parent'))
    },
    {
      signature: signatures('string', ID, 'string', 'string', 'struct'),
      help: 'wp.newTerm(blogid, username, password, {name, taxonomy: "category"[, parent, description]}) → the new term id (a string). Authors and Contributors get fault 401.',
    },
  )

  rpc.register(
    'wp.newCategory',
    async (params) => {
      arity('wp.newCategory', params, ['blogid', 'username', 'password', 'category'])
      const { member, blog: own } = await b.access.signIn(params[1], params[2])
      const blog = b.access.ownBlog(own, params[0])
      return newCategory(b, blog, member, structParam('category', params[3]), 'parent_id')
    },
    {
      signature: signatures('int', ID, 'string', 'string', 'struct'),
      help: 'wp.newCategory(blogid, username, password, {name[, description, parent_id]}) → the new category id (int). Authors and Contributors get fault 401.',
    },
  )
}

// WordPress's words and code for a role without manage_categories.
async function newCategory(
  b: BlogService,
  blog: Blog,
  member: Member,
  s: XmlRpcStruct,
  parentMember: 'parent' | 'parent_id',
): Promise<number> {
  if (roleOf(member) !== 'administrator')
    throw new XmlRpcFault(BlogFaultCode.notAllowed, 'Sorry, you are not allowed to add a category.')
  const name = str('category.name', s.name).trim()
  if (name === '') throw new XmlRpcFault(SandboxFault.invalidParams, 'category.name must not be empty.')
  const existing = blog.categories.find((c) => c.name.toLowerCase() === name.toLowerCase())
  if (existing) throw new XmlRpcFault(500, `A term with the name provided already exists (id ${existing.id}).`)
  const description = s.description === undefined ? '' : str('category.description', s.description)
  const parent: XmlRpcValue | undefined = s[parentMember]
  const parentId = parent === undefined ? 0 : Number(parent) || 0
  if (parentId !== 0 && !blog.categories.some((c) => c.id === parentId))
    throw new XmlRpcFault(403, 'Parent term does not exist.')
  return (await b.store.addCategory(blog, name, description, parentId)).id
}
