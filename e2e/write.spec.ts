import { expectAccessible } from './axe'
import { expect, test } from './fixtures'
import { writer } from './writer'

// Compose in Markdown → the preview shows what publish sends (the core's converter) → publish →
// the queue shows the job going through its states and the link → the server has that HTML.
test('compose in Markdown, preview, publish, and follow the job to its link', async ({ app, page, request }) => {
  const w = writer(page)
  await page.goto(app.url)
  await w.newDraft()
  await w.title('Train notes')
  await page.getByLabel('Relative path').fill('e2e/train.html')
  await page.getByLabel('Format').selectOption({ label: 'Markdown' })
  await w.body('# Train notes\n\nWritten *offline*, between stations.\n\n- no lost words\n- a queue that retries\n')

  const preview = page.frameLocator('iframe[title="Preview"]')
  await expect(preview.getByRole('heading', { name: 'Train notes' })).toBeVisible()
  await expect(preview.locator('em')).toHaveText('offline')
  await expect(preview.getByRole('listitem')).toHaveCount(2)
  await expect(page.getByText('Converted to HTML as it will be published.')).toBeVisible()
  await expect(w.editor().getByText(/^\d+ words · \d+ characters$/)).toHaveText(/^13 words/)
  await w.saved()
  await expectAccessible(page, 'Write, a Markdown page')

  await page.keyboard.press('ControlOrMeta+Enter') // publish from anywhere
  const job = w.job('Publish e2e/train.html to Local sandbox')
  await expect(job).toBeFocused()
  const link = job.getByRole('link', { name: 'Open published page' })
  await expect(link).toBeVisible({ timeout: 30_000 })
  await expect(job.getByText('Done', { exact: true })).toBeVisible()
  await job.getByText(/^History/).click()
  await expect(job.getByRole('listitem').filter({ hasText: 'Sending' })).toHaveCount(1)
  await expect(job.getByRole('listitem').filter({ hasText: 'Done' })).toHaveCount(1)
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Published')
  await expectAccessible(page, 'Publish queue')

  const served = await request.get((await link.getAttribute('href'))!)
  expect(served.status()).toBe(200)
  const html = await served.text()
  expect(html).toContain('<h1>Train notes</h1>')
  expect(html).toContain('<em>offline</em>')

  // The draft list marks it published.
  await w.area('Write')
  await expect(
    page.getByRole('complementary', { name: 'Drafts' }).getByRole('button', { name: /Train notes/ }),
  ).toContainText('Published')
})

test('search finds drafts by title and by body; filters by account; shortcuts', async ({ app, page }) => {
  const w = writer(page)
  await page.goto(app.url)
  await w.newDraft()
  await w.title('Zeppelin schedules')
  await w.body('<p>Departures at dawn.</p>')
  await w.saved()
  await page.keyboard.press('ControlOrMeta+N')
  await expect(page.getByRole('textbox', { name: 'Title' })).toBeFocused()
  await w.title('Harbour log')
  await w.body('<p>The zeppelin moored at noon.</p>')
  await w.saved()
  await page.keyboard.press('ControlOrMeta+N')
  await w.title('Unrelated')
  await w.body('<p>Nothing to see.</p>')
  await w.saved()

  const drafts = page.getByRole('complementary', { name: 'Drafts' })
  await page.keyboard.press('ControlOrMeta+K')
  const search = drafts.getByRole('searchbox', { name: 'Search drafts' })
  await expect(search).toBeFocused()
  await search.fill('zeppelin')
  await expect(drafts.getByRole('listitem')).toHaveCount(2) // one by its title, one by its body
  await expect(drafts.getByRole('button', { name: /Zeppelin schedules/ })).toBeVisible()
  await expect(drafts.getByRole('button', { name: /Harbour log/ })).toBeVisible()
  await search.fill('no such words anywhere')
  await expect(drafts.getByRole('status')).toHaveText(/No drafts match/)
  await search.fill('')
  await expect(drafts.getByRole('listitem')).toHaveCount(3)
  await expect(drafts.getByRole('heading', { name: 'Local sandbox', exact: true })).toBeVisible()

  await drafts.getByLabel('Show drafts for account').selectOption({ label: 'Local sandbox — group “sandbox”' })
  await expect(drafts.getByRole('listitem')).toHaveCount(0)
  await drafts.getByLabel('Show drafts for account').selectOption({ label: 'All accounts' })
  await drafts.getByLabel('Show drafts in state').selectOption({ label: 'Published' })
  await expect(drafts.getByRole('listitem')).toHaveCount(0)
  await drafts.getByLabel('Show drafts in state').selectOption({ label: 'Not published' })
  await expect(drafts.getByRole('listitem')).toHaveCount(3)

  // Areas by keyboard, and their shortcuts in tooltips and aria-keyshortcuts.
  await page.keyboard.press('ControlOrMeta+4')
  await expect(page.getByRole('heading', { name: 'Inspector', level: 1 })).toBeVisible()
  await page.keyboard.press('ControlOrMeta+3')
  await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible()
  await page.keyboard.press('ControlOrMeta+F')
  await expect(search).toBeFocused()
  await expect(page.getByRole('button', { name: 'Inspector' })).toHaveAttribute('aria-keyshortcuts', /\+4$/)
  await expect(search).toHaveAttribute('aria-keyshortcuts', /\+K .*\+F$/)
})
