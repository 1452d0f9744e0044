import { expect, test } from './fixtures'

// The walking skeleton's slice: write an HTML page → Publish → the job appears in the queue →
// webHost.put to the Local sandbox → the returned URL is shown as a link → fetching it returns
// exactly the bytes written.
test('a new user publishes a page to the Local sandbox and opens its URL', async ({ app, page, request }) => {
  await page.goto(app.url)
  await expect(page.getByRole('navigation', { name: 'Areas' })).toBeVisible()

  await page.getByRole('button', { name: 'New', exact: true }).click()
  await page.getByRole('textbox', { name: 'Title' }).fill('Hello from the e2e suite')
  await page.getByLabel('Relative path').fill('e2e/hello.html')

  const body = '<!doctype html>\n<title>Hi</title>\n<h1>Héllo, wörld — “quotes” & <em>tags</em></h1>\n'
  const editor = page.locator('.monaco-editor').first()
  await editor.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.insertText(body)
  await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved', { timeout: 15_000 })

  await page.getByRole('region', { name: 'Editor' }).getByRole('button', { name: 'Publish', exact: true }).click()
  const link = page.getByRole('link', { name: 'Open published page' }).first()
  await expect(link).toBeVisible({ timeout: 30_000 })
  const href = await link.getAttribute('href')
  expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.*e2e\/hello\.html$/)

  const served = await request.get(href!)
  expect(served.status()).toBe(200)
  expect(served.headers()['content-type']).toContain('text/html')
  expect((await served.body()).equals(Buffer.from(body, 'utf8'))).toBe(true)
})
