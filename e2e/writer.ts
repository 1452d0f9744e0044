import { expect, type Page } from '@playwright/test'

/** The steps a writer takes in the Write area, found by role and label as a screen reader would. */
export const writer = (page: Page) => ({
  editor: () => page.getByRole('region', { name: 'Editor' }),
  async newDraft(kind?: 'Web page' | 'Discussion message' | 'Weblog post') {
    await page.getByRole('button', { name: 'New', exact: true }).click()
    if (kind) await page.getByLabel('Kind').selectOption({ label: kind })
  },
  async title(text: string) {
    await page.getByRole('textbox', { name: 'Title' }).fill(text)
  },
  /** Replaces the body in Monaco, as typing would (insertText: one input event). */
  async body(text: string) {
    await page.locator('.monaco-editor').first().click()
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.insertText(text)
  },
  async saved() {
    await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved', { timeout: 15_000 })
  },
  async publish() {
    await page.getByRole('region', { name: 'Editor' }).getByRole('button', { name: 'Publish', exact: true }).click()
  },
  /** A job in the queue, by (part of) its label. */
  job: (label: string | RegExp) =>
    page
      .getByRole('list', { name: 'Jobs' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: label }) }),
  area: (name: 'Write' | 'Publish queue' | 'Accounts' | 'Inspector') =>
    page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name }).click(),
})

/** Adds an account through the Accounts form. */
export async function addAccount(
  page: Page,
  a: {
    kind: 'Discussion group' | 'Web host' | 'Community server'
    name: string
    url: string
    username: string
    password: string
    group?: string
    usernum?: string
  },
): Promise<void> {
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Accounts' }).click()
  await page.getByRole('button', { name: 'Add account' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add an account' })
  await dialog.getByLabel('Kind').selectOption({ label: a.kind })
  await dialog.getByLabel(a.kind === 'Community server' ? 'Name' : 'Account name', { exact: true }).fill(a.name)
  await dialog.getByLabel('Server URL').fill(a.url)
  if (a.group !== undefined) await dialog.getByLabel('Group', { exact: true }).fill(a.group)
  await dialog.getByLabel(a.kind === 'Web host' ? 'Username' : 'E-mail', { exact: true }).fill(a.username)
  await dialog.getByLabel('Password', { exact: true }).fill(a.password)
  if (a.usernum !== undefined) {
    await dialog.getByLabel('I already have a member number').check()
    await dialog.getByLabel('Member number').fill(a.usernum)
  }
  await dialog.getByRole('button', { name: /^Save/ }).click()
  await expect(dialog).toBeHidden()
  await expect(
    page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: a.name, exact: true }) }),
  ).toBeVisible()
}
