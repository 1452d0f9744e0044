import { expectAccessible } from './axe'
import { expect, test } from './fixtures'
import { standaloneSandbox } from './standalone-sandbox'
import { addAccount, writer } from './writer'

const MEMBER = 'ann@example.com'
const PASSWORD = 'correct horse'

type Box = { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

// A web host that does not know the member yet: the job needs attention and its error stays; once
// the member exists and the writer retries, the error leaves by itself, the success toast leaves
// by itself, and the history keeps both with a way back to the job.
test('an error stays until its job succeeds; a success leaves by itself; the history keeps both', async ({
  app,
  page,
}) => {
  const refusing = await standaloneSandbox({ users: [] })
  let fixed: Awaited<ReturnType<typeof standaloneSandbox>> | undefined
  try {
    const w = writer(page)
    await page.goto(app.url)
    await addAccount(page, {
      kind: 'Web host',
      name: 'New host',
      url: refusing.endpoint,
      username: MEMBER,
      password: PASSWORD,
    })
    await w.area('Write')
    await w.newDraft()
    await page.getByLabel('Web host').selectOption({ label: 'New host' })
    await w.title('Told once')
    await w.body('<p>Out in the end.</p>')
    await w.saved()
    await w.publish()

    const toasts = page.getByRole('status', { name: 'Notifications' })
    const error = toasts.locator('.toast[data-level="error"]')
    await expect(error).toContainText('Needs attention', { timeout: 20_000 })

    // Never over the editor's controls: the title, Save, Publish, the footer and the preview.
    await w.area('Write')
    const toastBox = (await error.boundingBox())!
    for (const control of [page.locator('.draft-header'), page.locator('.draft-footer'), page.locator('.panes')]) {
      const box = await control.boundingBox()
      if (box) expect(overlaps(toastBox, box), (await control.getAttribute('class')) ?? '').toBe(false)
    }
    await page.waitForTimeout(7_000) // longer than a success toast lives: the error is still there
    await expect(error).toBeVisible()

    // The member now exists on the same port; the writer retries from the toast's link.
    await refusing.stop()
    fixed = await standaloneSandbox({ users: [`${MEMBER}:${PASSWORD}`], port: refusing.port })
    await error.getByRole('button', { name: 'Show in queue' }).click()
    const job = w.job('Publish told-once.html to New host')
    await job.getByRole('button', { name: 'Retry now' }).click()
    await expect(job.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 })
    await expect(error).toHaveCount(0) // it went when its job succeeded, not dismissed by hand
    const success = toasts.locator('.toast[data-level="success"]')
    await expect(success).toContainText('Published')
    await expect(success).toHaveCount(0, { timeout: 15_000 }) // and the success leaves by itself

    // The bell: how many came, and the history with links to the job and the draft.
    const bell = page.getByRole('button', { name: /^Notifications, \d+ new$/ })
    await expect(bell).toBeVisible()
    await bell.click()
    const dialog = page.getByRole('dialog', { name: 'Notifications' })
    const items = dialog.getByRole('list', { name: 'Notification history' }).getByRole('listitem')
    await expect(items.first()).toContainText('Published')
    await expect(dialog.locator('.notice[data-level="error"]')).toContainText('Needs attention: Publish told-once.html')
    await expectAccessible(page, 'Notification history')
    await items.first().getByRole('button', { name: 'Open draft' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByLabel('Title')).toHaveValue('Told once')

    // Kept in the data folder: a reload (a new page, same app) lists them again.
    await page.reload()
    await page.getByRole('button', { name: /^Notifications/ }).click()
    await expect(dialog.locator('.notice')).toHaveCount(2)
    await dialog.locator('.notice[data-level="error"]').getByRole('button', { name: 'Show job' }).click()
    await expect(page.getByRole('heading', { name: 'Publish queue', level: 1 })).toBeVisible()
  } finally {
    await fixed?.dispose()
    await refusing.dispose()
  }
})
