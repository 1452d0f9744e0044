import { XmlRpcFault } from '../xmlrpc/fault'
import { getMember } from '../xmlrpc/get-member'
import { struct } from '../xmlrpc/values'
import type { MethodRegistry } from './context'
import { BlogFaultCode } from './blog-access'
import type { BlogService } from './blog'
import { BLOG_FOLDER } from './blog-post-struct'
import { ID, signatures } from './blog-signatures'
import { StoreRefusal } from './file-store'
import { extensionOf } from './limits'
import { arity, bytes, str, structParam, utcDateTime } from './params'
import { urlPath } from './paths'

/** A file name WordPress would keep: no folders, no odd characters, an extension. */
function cleanName(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
  return base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+/, '')
    .slice(-120)
}

/**
 * metaWeblog.newMediaObject(blogid, username, password, {name, type, bits[, overwrite]}) →
 * {id, file, url, type}. Files go under blog/media/YYYY/MM/ in the member's web space (counting
 * toward the quota, like any upload) and are served from there. A name already taken becomes
 * name-1.ext, as on WordPress, unless overwrite is true: clients must use the returned url.
 */
export function registerBlogMedia(rpc: MethodRegistry, b: BlogService): void {
  rpc.register(
    'metaWeblog.newMediaObject',
    async (params) => {
      arity('metaWeblog.newMediaObject', params, ['blogid', 'username', 'password', 'data'])
      const { blog: own } = await b.access.signIn(params[1], params[2])
      const blog = b.access.ownBlog(own, params[0])
      const data = structParam('data', params[3])
      const name = cleanName(str('data.name', getMember(data, 'name')))
      const type = str('data.type', getMember(data, 'type')).trim()
      const bits = bytes('data.bits', getMember(data, 'bits'))
      const ext = extensionOf(name)
      if (!name || !ext || !b.ctx.limits.legalFileExtensions.includes(ext)) {
        throw new XmlRpcFault(
          BlogFaultCode.failed,
          `Could not write file ${name || '(no name)'} (Sorry, you are not allowed to upload this file type. Allowed: ${b.ctx.limits.legalFileExtensions.join(', ')}.)`,
        )
      }
      const now = b.ctx.now()
      const folder = `${BLOG_FOLDER}/media/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`
      const overwrite = getMember(data, 'overwrite') === true
      const taken = (n: string) => b.ctx.files.get('webhost', blog.id, `${folder}/${n}`) !== undefined
      let file = name
      for (let n = 1; !overwrite && taken(file); n++) file = `${name.slice(0, -ext.length - 1)}-${n}.${ext}`
      const path = `${folder}/${file}`
      try {
        await b.ctx.files.put('webhost', blog.id, path, bits, b.ctx.limits, type)
      } catch (e) {
        if (e instanceof StoreRefusal)
          throw new XmlRpcFault(BlogFaultCode.failed, `Could not write file ${file} (${e.message})`)
        throw e
      }
      const id = b.store.nextId()
      await b.store.addMedia({
        id,
        blogId: blog.id,
        name: file,
        type,
        size: bits.length,
        path,
        uploaded: now.toISOString(),
      })
      return struct({ id: String(id), file, url: mediaUrl(b, blog.id, path), type })
    },
    {
      signature: signatures('struct', ID, 'string', 'string', 'struct'),
      help: 'metaWeblog.newMediaObject(blogid, username, password, {name, type, bits[, overwrite]}) → {id, file, url, type}. The name may change (photo-1.png): use the returned url.',
    },
  )

  rpc.register(
    'wp.getMediaLibrary',
    async (params) => {
      arity('wp.getMediaLibrary', params, ['blogid', 'username', 'password', 'filter'], 3)
      const { blog: own } = await b.access.signIn(params[1], params[2])
      const blog = b.access.ownBlog(own, params[0])
      const filter = params[3] === undefined ? {} : structParam('filter', params[3])
      const number = filter.number === undefined ? 50 : Math.max(0, Number(filter.number) || 0)
      const offset = filter.offset === undefined ? 0 : Math.max(0, Number(filter.offset) || 0)
      const mime = filter.mime_type === undefined ? undefined : str('filter.mime_type', filter.mime_type)
      return b.store
        .mediaOf(blog.id)
        .filter((m) => mime === undefined || m.type === mime || m.type.startsWith(`${mime}/`))
        .slice(offset, offset + number)
        .map((m) =>
          struct({
            attachment_id: String(m.id),
            date_created_gmt: utcDateTime(m.uploaded),
            parent: 0,
            link: mediaUrl(b, blog.id, m.path),
            title: m.name.replace(/\.[^.]+$/, ''),
            caption: '',
            description: '',
            metadata: struct({ file: m.path, filesize: m.size }),
            type: m.type,
            thumbnail: mediaUrl(b, blog.id, m.path),
          }),
        )
    },
    {
      signature: [
        ...signatures('array', ID, 'string', 'string'),
        ...signatures('array', ID, 'string', 'string', 'struct'),
      ],
      help: 'wp.getMediaLibrary(blogid, username, password[, {number, offset, mime_type}]) → the newest media items, newest first: {attachment_id, date_created_gmt, parent, link, title, caption, description, metadata: {file, filesize}, type, thumbnail}. No filter by name, as on WordPress.',
    },
  )
}

const mediaUrl = (b: BlogService, blogId: string, path: string): string =>
  `${b.ctx.baseUrl()}${b.ctx.files.urlPath('webhost', blogId, '')}${urlPath(path)}`
