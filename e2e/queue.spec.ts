import { expectAccessible } from './axe'
import { expect, test } from './fixtures'
import { lossyProxy } from './lossy-proxy'
import { rpc, standaloneSandbox } from './standalone-sandbox'
import { addAccount, writer } from './writer'

const MEMBER = 'ann@example.com'
const PASSWORD = 'correct horse'

// A web host that is down when the writer publishes: the job waits and retries on its own, and
// goes out once the server is back (a real sandbox process, killed and restarted on its port).
test('a server that is down: the job waits, retries, and succeeds when it comes back', async ({
  app,
  page,
  request,
}) => {
  const server = await standaloneSandbox({ users: [`${MEMBER}:${PASSWORD}`] })
  try {
    await server.stop()
    const w = writer(page)
    await page.goto(app.url)
    await addAccount(page, {
      kind: 'Web host',
      name: 'Flaky host',
      url: server.endpoint,
      username: MEMBER,
      password: PASSWORD,
    })

    await w.area('Write')
    await w.newDraft()
    await page.getByLabel('Web host').selectOption({ label: 'Flaky host' })
    await w.title('Back online')
    await page.getByLabel('Relative path').fill('back.html')
    await w.body('<p>Sent when the server came back.</p>')
    await w.saved()
    await w.publish()

    const job = w.job('Publish back.html to Flaky host')
    await expect(job.getByText('Waiting to retry', { exact: true })).toBeVisible({ timeout: 20_000 })
    await expect(job.locator('.job-error')).not.toBeEmpty()
    await expect(job).toContainText(/[2-9] attempts/, { timeout: 20_000 }) // it retried by itself
    await expectAccessible(page, 'Publish queue, a job waiting to retry')

    await server.start()
    const link = job.getByRole('link', { name: 'Open published page' })
    await expect(link).toBeVisible({ timeout: 45_000 })
    const served = await request.get((await link.getAttribute('href'))!)
    expect(await served.text()).toBe('<p>Sent when the server came back.</p>')
  } finally {
    await server.dispose()
  }
})

// A wrong password is not retried: the job needs the writer, in the server's own words.
test('a wrong password: needs attention, with what the server said', async ({ app, page }) => {
  const server = await standaloneSandbox({ users: [`${MEMBER}:${PASSWORD}`] })
  try {
    const w = writer(page)
    await page.goto(app.url)
    await addAccount(page, {
      kind: 'Web host',
      name: 'Typo host',
      url: server.endpoint,
      username: MEMBER,
      password: 'not the password',
    })
    await w.area('Write')
    await w.newDraft()
    await page.getByLabel('Web host').selectOption({ label: 'Typo host' })
    await w.title('Locked out')
    await w.body('<p>x</p>')
    await w.saved()
    await w.publish()

    const job = w.job(/Publish locked-out\.html to Typo host/)
    await expect(job.getByText('Needs attention', { exact: true })).toBeVisible({ timeout: 20_000 })
    await expect(job.locator('.job-error')).toContainText(/the username or password is incorrect/i)
    await expect(job).toContainText('1 attempt')
    await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Needs attention')

    // The exchange, from the job: the request as sent, the password not in it.
    await job.getByRole('button', { name: /Show the wire exchange/ }).click()
    await expect(page.getByRole('heading', { name: 'Inspector', level: 1 })).toBeVisible()
    await expect(page.getByText(/Showing the exchanges of “Publish locked-out\.html/)).toBeVisible()
    const exchanges = page.getByRole('table', { name: 'Exchanges' })
    await expect(exchanges.getByRole('button', { name: 'webHost.put' })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Exchange webHost.put' })).toContainText(
      /the username or password is incorrect/i,
    )
    await expect(page.locator('body')).not.toContainText('not the password')
  } finally {
    await server.dispose()
  }
})

// The answer to a newMessage is lost after the server posted it, and the server can't be searched:
// the job is "outcome unknown", never re-sent on its own; the writer says it is there.
test('a lost answer: the outcome is unknown until the writer resolves it', async ({ app, page }) => {
  const server = await standaloneSandbox({ users: [`${MEMBER}:${PASSWORD}`] })
  const proxy = await lossyProxy(server.endpoint)
  try {
    const w = writer(page)
    await page.goto(app.url)
    await addAccount(page, {
      kind: 'Discussion group',
      name: 'Lossy group',
      url: proxy.endpoint,
      group: 'sandbox',
      username: MEMBER,
      password: PASSWORD,
    })
    await w.area('Write')
    await w.newDraft('Discussion message')
    await page.getByLabel('Discussion group').selectOption({ label: 'Lossy group' })
    await w.title('Only once')
    await w.body('Posted exactly once.')
    await w.saved()
    await w.publish()

    const job = w.job('Post “Only once” to Lossy group')
    await expect(job.getByText('Outcome unknown', { exact: true })).toBeVisible({ timeout: 20_000 })
    await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Not sure it was posted')
    await job.getByRole('button', { name: 'Resolve…' }).click({ timeout: 30_000 })
    const dialog = page.getByRole('dialog', { name: 'Was it posted?' })
    await expectAccessible(page, 'Resolve dialog')
    await dialog.getByLabel('It is on the server').check()
    await dialog.getByLabel('Its message number').fill('000001')
    await dialog.getByRole('button', { name: 'Mark as posted' }).click()
    await expect(dialog).toBeHidden()
    await expect(job.getByText('Done', { exact: true })).toBeVisible()
    await expect(job).toContainText('message 000001')

    const topics = rpc(server.endpoint, 'mainResponder.discuss.getTopics', 'sandbox', MEMBER, PASSWORD, 10) as unknown[]
    expect(topics).toHaveLength(1) // posted once, never twice
  } finally {
    await proxy.close()
    await server.dispose()
  }
})
