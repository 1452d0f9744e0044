import { createHash } from 'node:crypto'
import { startPycsLike } from '../main/protocols/testing/start-pycs-like'
import { expect, test } from './fixtures'
import { rpc } from './standalone-sandbox'
import { addAccount, writer } from './writer'

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

// A PyCS-style group numbers messages with <int>s and finds a parent only by value and type. From
// the UI: post a thread, press Reply on it, post the reply untitled; the server keeps a reply to the
// int 1, and the draft list shows the title the server gave it, not "Untitled".
test('Reply to a message on an integer-numbered server', async ({ app, page }) => {
  const server = await startPycsLike({ msgnum: 'int', dgRead: true })
  try {
    const [email, password] = ['ann@example.com', 'open sesame']
    const digest = createHash('md5').update(password).digest('hex')
    rpc(server.endpoint, 'xmlStorageSystem.registerUser', email, 'Ann', digest, 0, 'e2e')
    const w = writer(page)
    await page.goto(app.url)
    await addAccount(page, {
      kind: 'Discussion group',
      name: 'PyCS group',
      url: server.endpoint,
      username: email,
      password,
      group: 'pycs',
    })
    await w.area('Write')
    await w.newDraft('Discussion message')
    await page.getByLabel('Discussion group').selectOption({ label: 'PyCS group' })
    await w.title('Ferry times')
    await w.body('The ferry leaves at 7:10.')
    await w.saved()
    await w.publish()
    await expect(page.getByRole('link', { name: 'Open published page' }).first()).toBeVisible({ timeout: 30_000 })

    await w.area('Write')
    await page.getByRole('button', { name: 'Reply', exact: true }).click()
    await expect(page.getByLabel('In reply to')).toHaveValue('1')
    await w.body('And on Sundays at 7:25.')
    await w.saved()
    await w.publish()
    await w.area('Write')
    await expect(page.locator('.draft-title', { hasText: 'Re: Ferry times' })).toBeVisible({ timeout: 30_000 })
    const topics = rpc(server.endpoint, 'mainResponder.discuss.getTopics', 'pycs', email, password, 10) as {
      msgnum: unknown
      title: string
      inResponseTo: unknown
    }[]
    expect(topics.find((t) => t.msgnum === 2)).toMatchObject({ inResponseTo: 1, title: 'Re: Ferry times' })
  } finally {
    await server.close()
  }
})
