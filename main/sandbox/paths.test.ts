import { describe, expect, it } from 'vitest'
import { XmlRpcFault } from '../xmlrpc/fault'
import { checkRelativePath, urlPath } from './paths'

describe('checkRelativePath', () => {
  it.each(['index.html', 'a/b/c.txt', 'my file.html', 'ünï/cödé.html', '.well-known/x.txt'])('accepts %s', (p) => {
    expect(checkRelativePath(p)).toBe(p)
  })

  it.each([
    ['../x.html', '..'],
    ['a/../../x.html', '..'],
    ['a/./x.html', '..'],
    ['/etc/passwd', 'absolute'],
    ['C:/x.html', 'absolute'],
    ['a\\..\\x.html', 'backslash'],
    ['a//x.html', 'empty'],
    ['a/', 'empty'],
    ['x\0.html', 'control'],
    ['', 'non-empty'],
  ])('refuses %j (%s) with fault 5', (p, why) => {
    let thrown: unknown
    try {
      checkRelativePath(p)
    } catch (e) {
      thrown = e
    }
    expect(thrown).toBeInstanceOf(XmlRpcFault)
    expect((thrown as XmlRpcFault).faultCode).toBe(5)
    expect((thrown as XmlRpcFault).faultString).toContain(why)
  })

  it('percent-encodes each segment for URLs', () => {
    expect(urlPath('a b/c#d?.html')).toBe('a%20b/c%23d%3F.html')
  })
})
