import { createHash } from 'node:crypto'
import type { APIRequestContext, Page } from '@playwright/test'
import { expect } from './fixtures'
import { rpc } from './standalone-sandbox'
import type { writer } from './writer'

/** The core's own Local sandbox endpoint, as app.info tells it. */
export async function sandboxUrlOf(
  request: APIRequestContext,
  app: { origin: string; token: string },
): Promise<string> {
  const info = await request.post(`${app.origin}/api/app.info`, {
    headers: { 'x-upstream-token': app.token },
    data: {},
  })
  return ((await info.json()) as { value: { sandboxUrl: string } }).value.sandboxUrl
}

/** A member of the Local sandbox with a blog there, made by another client; its blog as getUsersBlogs says. */
export function sandboxBlogMember(sandboxUrl: string, email: string, password: string, name: string) {
  const digest = createHash('md5').update(password).digest('hex')
  rpc(sandboxUrl, 'xmlStorageSystem.registerUser', email, name, digest, 5335, 'e2e')
  return (
    rpc(sandboxUrl, 'blogger.getUsersBlogs', '', email, password) as { url: string; blogName: string; blogid: string }[]
  )[0]
}

/** Adds a blog account in Accounts by its site address, as a person would. */
export async function addBlogAccount(
  page: Page,
  w: ReturnType<typeof writer>,
  a: { name: string; siteUrl: string; username: string; password: string },
): Promise<void> {
  await w.area('Accounts')
  await page.getByRole('button', { name: 'Add account' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add an account' })
  await dialog.getByLabel('Kind').selectOption({ label: 'Weblog (MetaWeblog)' })
  await dialog.getByLabel('Account name', { exact: true }).fill(a.name)
  await dialog.getByLabel('Site address').fill(a.siteUrl)
  await dialog.getByLabel('Username', { exact: true }).fill(a.username)
  await dialog.getByLabel('Password', { exact: true }).fill(a.password)
  await dialog.getByRole('button', { name: /^Save/ }).click()
  await expect(dialog).toBeHidden()
}

/** Attaches a file to the open draft through the file chooser, and waits until it is listed and saved. */
export async function attachFile(page: Page, w: ReturnType<typeof writer>, path: string, name: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Add files…' }).click()
  await (await chooser).setFiles(path)
  await expect(
    page.getByRole('list', { name: 'Attached files' }).getByRole('listitem').filter({ hasText: name }),
  ).toBeVisible()
  await w.saved()
}
