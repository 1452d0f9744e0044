import { expect, test } from './fixtures'
import { writer } from './writer'

// A new user, from the UI only, posts a message to the Local sandbox's group and a reply with an
// empty title: the server names the reply "Re: …" (discussion-groups rule), and both links open.
test('a message and a reply with an empty title, posted to the Local sandbox group', async ({ app, page, request }) => {
  const w = writer(page)
  await page.goto(app.url)

  await w.newDraft('Discussion message')
  await w.title('Ferry times')
  await w.body('The ferry leaves at 7:10.')
  await w.saved()
  await w.publish()
  const first = page.getByRole('link', { name: 'Open published page' }).first()
  await expect(first).toBeVisible({ timeout: 30_000 })
  const threadUrl = (await first.getAttribute('href'))!
  const thread = await request.get(threadUrl)
  expect(thread.status()).toBe(200)
  expect(await thread.text()).toContain('Ferry times')

  await w.area('Write')
  await w.newDraft('Discussion message')
  // The group's first message is 000001 in a fresh sandbox; msgnums are echoed exactly as received.
  await page.getByLabel('In reply to').fill('000001')
  await w.body('And on Sundays at 7:25.')
  await w.saved()
  await w.publish()
  await expect(page.getByRole('link', { name: 'Open published page' })).toHaveCount(2, { timeout: 30_000 })
  const links = await page
    .getByRole('link', { name: 'Open published page' })
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')))
  const replyUrl = links.find((href) => href !== threadUrl)!
  const reply = await request.get(replyUrl)
  expect(reply.status()).toBe(200)
  const html = await reply.text()
  expect(html).toContain('Re: Ferry times')
  expect(html).toContain('And on Sundays at 7:25.')
})
