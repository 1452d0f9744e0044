import { createHash } from 'node:crypto'
import { struct, type XmlRpcValue } from '../../values'

/** A password with characters that XML escapes, so escaped forms are searched for too. */
export const PASSWORD = `p&ss<wörd>"'42`
export const PASSWORD_MD5 = createHash('md5').update(PASSWORD, 'utf8').digest('hex')
export const APPKEY = 'appkey-0123456789abcdef'

const md5 = PASSWORD_MD5
const pw = PASSWORD
const post = struct({ title: 'A title', description: 'Body text', categories: ['news'] })
const files = (n: number) => Array.from({ length: n }, (_, i) => `page${i}.html`)

/** One call of every method the redaction map covers, each carrying the password or its MD5. */
export function secretCalls(): { method: string; params: XmlRpcValue[] }[] {
  return [
    { method: 'mainResponder.discuss.newMessage', params: ['dg', 'me@example.com', pw, 'Title', 'Body', 0] },
    { method: 'mainResponder.discuss.editMessage', params: ['dg', 'me@example.com', pw, 'msg-12'] },
    { method: 'mainResponder.discuss.saveMessage', params: ['dg', 'me@example.com', pw, 12, 'Body', 'Title'] },
    {
      method: 'mainResponder.discuss.attachEnclosure',
      params: ['dg', 'me@example.com', pw, 12, 'image/png', Uint8Array.from([1, 2, 3]), 'pics/a.png'],
    },
    { method: 'xmlStorageSystem.registerUser', params: ['me@example.com', 'Me', pw, 5335, 'Upstream/0.1.0'] },
    { method: 'xmlStorageSystem.registerUser', params: ['me@example.com', 'Me', md5, 5335, 'Upstream/0.1.0', ''] },
    { method: 'xmlStorageSystem.saveMultipleFiles', params: ['0122027', md5, files(2), ['<p>a</p>', '<p>b</p>']] },
    { method: 'xmlStorageSystem.sendMultipleFiles', params: ['0122027', md5, files(1), ['<p>a</p>']] },
    { method: 'xmlStorageSystem.deleteMultipleFiles', params: ['0122027', md5, files(2)] },
    { method: 'xmlStorageSystem.getServerCapabilities', params: ['0122027', md5] },
    { method: 'xmlStorageSystem.getMyDirectory', params: [42, md5] },
    { method: 'xmlStorageSystem.ping', params: ['0122027', md5, 0, 5335, struct({})] },
    { method: 'xmlStorageSystem.mailPasswordToUser', params: ['me@example.com'] },
    {
      method: 'webHost.put',
      params: [
        struct({
          username: 'me',
          password: pw,
          bytes: Buffer.from('<p>hi</p>'),
          mimeType: 'text/html',
          relativePath: 'a/b.html',
        }),
      ],
    },
    { method: 'blogger.getUsersBlogs', params: [APPKEY, 'me', pw] },
    { method: 'blogger.newPost', params: [APPKEY, 'blog1', 'me', pw, 'content', true] },
    { method: 'blogger.editPost', params: [APPKEY, 'post1', 'me', pw, 'content', true] },
    { method: 'blogger.deletePost', params: [APPKEY, 'post1', 'me', pw, true] },
    { method: 'blogger.getRecentPosts', params: [APPKEY, 'blog1', 'me', pw, 5] },
    { method: 'metaWeblog.newPost', params: ['blog1', 'me', pw, post, true] },
    { method: 'metaWeblog.editPost', params: ['post1', 'me', pw, post, true] },
    { method: 'metaWeblog.getPost', params: ['post1', 'me', pw] },
    { method: 'metaWeblog.getRecentPosts', params: ['blog1', 'me', pw, 10] },
    { method: 'metaWeblog.getCategories', params: ['blog1', 'me', pw] },
    {
      method: 'metaWeblog.newMediaObject',
      params: ['blog1', 'me', pw, struct({ name: 'a.png', type: 'image/png', bits: Uint8Array.from([9]) })],
    },
    {
      method: 'system.multicall',
      params: [
        [
          struct({ methodName: 'metaWeblog.getPost', params: ['post1', 'me', pw] }),
          struct({ params: ['0122027', md5], methodName: 'xmlStorageSystem.getServerCapabilities' }),
          struct({ methodName: 'webHost.put', params: [struct({ username: 'me', password: pw })] }),
        ],
      ],
    },
  ]
}

/** Every form the secrets could take in a log: raw, XML-escaped, percent-encoded, MD5 either case. */
export function secretForms(): string[] {
  const escaped = PASSWORD.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return [
    PASSWORD,
    escaped,
    encodeURIComponent(PASSWORD),
    PASSWORD_MD5,
    PASSWORD_MD5.toUpperCase(),
    'p&amp;ss',
    'wörd',
    APPKEY,
  ]
}
