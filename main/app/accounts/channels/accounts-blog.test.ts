import { describe, expect, it } from 'vitest'
import { testCore } from '../../testing/test-core'
import { testNet } from '../../testing/test-net'

const blog = (more: Record<string, unknown>) => ({
  kind: 'blog' as const,
  name: 'Blog',
  username: 'ann',
  password: 'pw',
  ...more,
})

describe('adding a blog account', () => {
  it('takes an endpoint given outright without reading the site; keeps the blog id and zone as given', async () => {
    const net = testNet()
    const app = await testCore({ fetch: net.fetch, sandbox: false })
    net.offline = true // nothing to discover: the address is the endpoint
    const a = await app.call(
      'accounts.save',
      blog({ siteUrl: 'https://blog.example/xmlrpc.php', blogId: 7, timeZone: 'America/New_York' }),
    )
    expect(a).toMatchObject({
      url: 'https://blog.example/xmlrpc.php',
      siteUrl: 'https://blog.example/xmlrpc.php',
      blogId: 7,
      timeZone: 'America/New_York',
    })
    expect(
      await app.refusal('accounts.save', blog({ id: a.id, siteUrl: a.siteUrl, timeZone: 'Mars/Olympus' })),
    ).toMatchObject({ kind: 'invalid-input', details: { field: 'timeZone' } })
    expect(await app.refusal('accounts.save', blog({ siteUrl: '' }))).toMatchObject({
      kind: 'invalid-input',
      details: { field: 'siteUrl' },
    })
  })

  it('says why when the site cannot be read, or has no XML-RPC endpoint, and how to give one', async () => {
    const net = testNet()
    const app = await testCore({ fetch: net.fetch })
    const root = new URL('/', app.sandboxUrl).href // the sandbox's home page: no RSD link, no xmlrpc.php
    const none = await app.refusal('accounts.save', blog({ siteUrl: root }))
    expect(none).toMatchObject({ kind: 'not-found', details: { field: 'siteUrl' } })
    expect(none.message).toMatch(
      /No XML-RPC endpoint was found .*no EditURI.*does not answer XML-RPC.*give the XML-RPC endpoint itself/,
    )
    net.offline = true
    const offline = await app.refusal('accounts.save', blog({ siteUrl: 'https://blog.example/' }))
    expect(offline).toMatchObject({ kind: 'transport', details: { field: 'siteUrl' } })
    expect(offline.message).toMatch(
      /could not read https:\/\/blog\.example\/ to find its XML-RPC endpoint.*does not resolve/,
    )
    expect((await app.call('accounts.list')).filter((a) => a.kind === 'blog')).toEqual([])
  })
})
