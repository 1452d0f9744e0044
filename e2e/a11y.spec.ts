import { expectAccessible } from './axe'
import { expect, test } from './fixtures'
import { writer } from './writer'

// axe-core on every screen, in the light and the dark theme: no serious or critical violation.
// (Dialogs, the conflict view, the console and reports are checked in their own specs.)
test('every screen is accessible, light and dark', async ({ app, page }) => {
  const w = writer(page)
  await page.goto(app.url)
  await expectAccessible(page, 'Welcome')
  await w.newDraft()
  await w.title('Accessible page')
  await w.body('<p>Hello</p>')
  await w.saved()
  await w.publish()
  await expect(page.getByRole('link', { name: 'Open published page' })).toBeVisible({ timeout: 30_000 })

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    for (const [area, key] of [
      ['Write', '1'],
      ['Publish queue', '2'],
      ['Accounts', '3'],
      ['Inspector', '4'],
    ] as const) {
      await page.keyboard.press(`ControlOrMeta+${key}`)
      await expect(page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: area })).toHaveAttribute(
        'aria-current',
        'page',
      )
      await page.waitForTimeout(100)
      await expectAccessible(page, `${area} (${scheme})`)
    }
  }

  // The theme can be chosen too, whatever the system says.
  await page.emulateMedia({ colorScheme: 'light' })
  const theme = page.getByRole('button', { name: /^Theme: System/ })
  await theme.click() // → light
  await page.getByRole('button', { name: /^Theme: Light/ }).click() // → dark
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(bg).toBe('rgb(27, 29, 33)')
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark') // kept across launches
  await expectAccessible(page, 'Write (chosen dark)')
})
