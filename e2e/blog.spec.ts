import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onePixelPng } from '../main/protocols/blog/testing/png'
import { expectAccessible } from './axe'
import { expect, test } from './fixtures'
import { addBlogAccount, attachFile, sandboxBlogMember, sandboxUrlOf } from './blog-steps'
import { writer } from './writer'

const EMAIL = 'blogger@e2e.invalid'
const PASSWORD = 'a blog password'

// Add a blog on the Local sandbox by its address (endpoint and blog discovered) → write a post
// with an attached image → publish → the post's page on the blog shows the image, from the blog.
test('a blog on the sandbox: added by its address, a post with an image published, the image loads on the post', async ({
  app,
  page,
  request,
}) => {
  const w = writer(page)
  const sandboxUrl = await sandboxUrlOf(request, app)
  const blog = sandboxBlogMember(sandboxUrl, EMAIL, PASSWORD, 'Blogger')
  await page.goto(app.url)
  await addBlogAccount(page, w, { name: 'Sandbox blog', siteUrl: blog.url, username: EMAIL, password: PASSWORD })
  const account = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Sandbox blog', exact: true }) })
  await expect(account.getByText(`${sandboxUrl}`, { exact: true })).toBeVisible() // the endpoint found from the address
  await account.getByRole('button', { name: 'Change' }).click()
  await expect(account.getByLabel('Blog', { exact: true })).toHaveValue(/\d+/) // the blog RSD named, among the login's blogs
  await expect(account.getByLabel('Blog', { exact: true }).locator('option:checked')).toHaveText(
    new RegExp(blog.blogName),
  )
  await expectAccessible(page, 'Accounts, a blog account')

  const dir = mkdtempSync(join(tmpdir(), 'upstream-e2e-blog-'))
  try {
    const image = join(dir, 'harbour dot.png')
    writeFileSync(image, onePixelPng(20, 120, 200))
    await w.area('Write')
    await w.newDraft('Weblog post')
    await w.editor().getByLabel('Weblog', { exact: true }).selectOption({ label: 'Sandbox blog' })
    await w.title('Harbour at dawn')
    await w.body('<p>The harbour, first light:</p>\n<p><img src="harbour%20dot.png" alt="A blue dot"></p>')
    await w.editor().getByLabel('Categories').fill('Notes')
    await w.saved()
    await attachFile(page, w, image, 'harbour dot.png')

    await w.publish()
    const job = w.job('Publish “Harbour at dawn” to Sandbox blog')
    const link = job.getByRole('link', { name: 'Open published page' })
    await expect(link).toBeVisible({ timeout: 30_000 })
    const postUrl = (await link.getAttribute('href'))!
    expect(postUrl.startsWith(blog.url)).toBe(true)

    await page.goto(postUrl)
    await expect(page.getByRole('heading', { name: 'Harbour at dawn' })).toBeVisible()
    const img = page.getByRole('img', { name: 'A blue dot' })
    await expect(img).toHaveAttribute('src', /\/blog\/media\/.*harbour-dot\.png$/)
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(1)
    const served = await request.get((await img.getAttribute('src'))!)
    expect(served.status()).toBe(200)
    expect(await served.body()).toEqual(onePixelPng(20, 120, 200))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
