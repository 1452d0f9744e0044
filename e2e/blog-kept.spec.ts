import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onePixelPng } from '../main/protocols/blog/testing/png'
import { expect, test } from './fixtures'
import { rpc } from './standalone-sandbox'
import { addBlogAccount, attachFile, sandboxBlogMember, sandboxUrlOf } from './blog-steps'
import { writer } from './writer'

const EMAIL = 'markdown@e2e.invalid'
const PASSWORD = 'a markdown password'

// A Markdown post with a category the blog lacks and an image, published to the sandbox blog: the
// category is created first, the image goes up, and what the blog did not keep (a <script>) is
// shown on the job and the draft — not hidden behind "Done".
test('a Markdown post with a new category and an image: published, and the kept-vs-sent report says what the blog dropped', async ({
  app,
  page,
  request,
}) => {
  const w = writer(page)
  const sandboxUrl = await sandboxUrlOf(request, app)
  const blog = sandboxBlogMember(sandboxUrl, EMAIL, PASSWORD, 'Marked')
  await page.goto(app.url)
  await addBlogAccount(page, w, { name: 'Marked blog', siteUrl: blog.url, username: EMAIL, password: PASSWORD })

  const dir = mkdtempSync(join(tmpdir(), 'upstream-e2e-kept-'))
  try {
    const image = join(dir, 'red dot.png')
    writeFileSync(image, onePixelPng(220, 30, 30))
    await w.area('Write')
    await w.newDraft('Weblog post')
    await w.editor().getByLabel('Weblog', { exact: true }).selectOption({ label: 'Marked blog' })
    await w.editor().getByLabel('Format', { exact: true }).selectOption({ label: 'Markdown' })
    await w.title('Paris in red')
    await w.body('A *red* dot:\n\n![A red dot](red%20dot.png)\n\n<script>alert("hi")</script>\n')
    await w.editor().getByLabel('Categories').fill('Paris Life')
    await w.saved()
    await attachFile(page, w, image, 'red dot.png')

    await w.publish()
    const job = w.job('Publish “Paris in red” to Marked blog')
    await expect(job.getByRole('link', { name: 'Open published page' })).toBeVisible({ timeout: 30_000 })
    const report = job.getByRole('status').filter({ hasText: 'did not keep everything as sent' })
    await expect(report).toContainText('The blog removed a <script> from the body')
    await job.screenshot({ path: 'test-results/blog-kept-report.png' })

    // The category was created on the blog before the post, and the post is filed under it.
    const categories = rpc(sandboxUrl, 'metaWeblog.getCategories', blog.blogid, EMAIL, PASSWORD) as {
      categoryName: string
    }[]
    expect(categories.map((c) => c.categoryName)).toContain('Paris Life')
    const [posted] = rpc(sandboxUrl, 'metaWeblog.getRecentPosts', blog.blogid, EMAIL, PASSWORD, 1) as {
      title: string
      categories: string[]
      description: string
    }[]
    expect(posted).toMatchObject({ title: 'Paris in red', categories: ['Paris Life'] })
    expect(posted.description).toMatch(/<img src="[^"]*red-dot\.png" alt="A red dot"/)
    expect(posted.description).toContain('<em>red</em>')

    // The draft says it too.
    await w.area('Write')
    await expect(page.getByRole('status').filter({ hasText: 'removed a <script>' }).first()).toBeVisible()
    await page.screenshot({ path: 'test-results/blog-kept-draft.png' })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
