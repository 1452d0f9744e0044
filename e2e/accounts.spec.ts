import { expectAccessible } from './axe'
import { expect, test } from './fixtures'
import { standaloneSandbox } from './standalone-sandbox'
import { addAccount } from './writer'

const MEMBER = 'ann@example.com'
const PASSWORD = 'never-shown-again-42'

// Add a community account (registering), test it and see what the server can do, ask for the
// password by mail, rename it, remove it. The password is typed once and never comes back.
test('accounts: add and register, test, forgot password, edit, remove', async ({ app, page }) => {
  const server = await standaloneSandbox({ users: [`${MEMBER}:${PASSWORD}`] })
  try {
    await page.goto(app.url)
    await page.keyboard.press('ControlOrMeta+3')

    // The form checks what it can before anything is sent.
    await page.getByRole('button', { name: 'Add account' }).click()
    const form = page.getByRole('dialog', { name: 'Add an account' })
    await form.getByLabel('Kind').selectOption({ label: 'Community server' })
    await form.getByLabel('Name', { exact: true }).fill('Ann’s weblog')
    await form.getByLabel('Server URL').fill('example.com')
    await form.getByRole('button', { name: 'Save and register' }).click()
    await expect(form.getByRole('alert')).toContainText('full XML-RPC address')
    await expectAccessible(page, 'Add account dialog')
    await form.getByRole('button', { name: 'Cancel' }).click()

    await addAccount(page, {
      kind: 'Community server',
      name: 'Ann’s weblog',
      url: server.endpoint,
      username: MEMBER,
      password: PASSWORD,
    })
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Ann’s weblog' }) })
    await expect(card.getByRole('status')).toContainText(/Registered: your member number is \d{7}/)
    await expect(card).toContainText('Password' + 'Stored')

    await card.getByRole('button', { name: 'Test connection to Ann’s weblog' }).click()
    const report = card.getByRole('region', { name: 'Connection test for Ann’s weblog' })
    await expect(report).toContainText('Connected.')
    await expect(report).toContainText(/The server offers \d+ methods/)
    await expect(report.getByRole('meter', { name: 'Storage used' })).toBeVisible()
    await expect(report).toContainText('of 1.0 GB used')
    await expect(report).toContainText('Largest file40 MB')
    await expect(report).toContainText('.html .htm .txt')
    await expect(report).toContainText(`Pings go tohttp://127.0.0.1:${server.port}/RPC2 (xml-rpc)`)
    await expect(report.getByRole('link', { name: `http://127.0.0.1:${server.port}/comments` })).toBeVisible()
    await report.getByText(/^Methods \(\d+\)$/).click()
    await expect(report.getByText('xmlStorageSystem.getServerCapabilities')).toBeVisible()
    await expectAccessible(page, 'Accounts with a connection report')

    await card.getByRole('button', { name: 'Forgot password for Ann’s weblog' }).click()
    await expect(card.getByRole('status').filter({ hasText: 'A message for ann@example.com' })).toBeVisible() // the server's own words

    // Edit: the password field is empty (write-only); renaming keeps it stored.
    await card.getByRole('button', { name: 'Edit Ann’s weblog' }).click()
    const edit = page.getByRole('dialog', { name: 'Edit “Ann’s weblog”' })
    await expect(edit.getByLabel('Password', { exact: true })).toHaveValue('')
    await expect(edit.getByLabel('Password', { exact: true })).toHaveAttribute('placeholder', /Stored/)
    await edit.getByText(/^Server profile/).click()
    await expect(edit.getByLabel('Server time zone')).toHaveValue('UTC')
    await edit.getByLabel('Name', { exact: true }).fill('Ann’s harbour weblog')
    await edit.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(edit).toBeHidden()
    const renamed = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Ann’s harbour weblog' }) })
    await expect(renamed).toContainText('Password' + 'Stored')
    expect(await page.content()).not.toContain(PASSWORD)

    // A discussion group: its test signs in and lists topics.
    await addAccount(page, {
      kind: 'Discussion group',
      name: 'Ann’s group',
      url: server.endpoint,
      group: 'sandbox',
      username: MEMBER,
      password: PASSWORD,
    })
    const group = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Ann’s group' }) })
    await group.getByRole('button', { name: 'Test connection to Ann’s group' }).click()
    await expect(group.getByRole('region', { name: 'Connection test for Ann’s group' })).toContainText(
      'Signed in to the group “sandbox”',
    )

    // Remove, after confirming.
    await renamed.getByRole('button', { name: 'Remove Ann’s harbour weblog' }).click()
    const confirm = page.getByRole('dialog', { name: 'Remove “Ann’s harbour weblog”?' })
    await expectAccessible(page, 'Remove account dialog')
    await confirm.getByRole('button', { name: 'Remove account' }).click()
    await expect(confirm).toBeHidden()
    await expect(renamed).toHaveCount(0)
    await expect(page.getByRole('heading', { name: 'Ann’s group' })).toBeVisible()
    // The Local sandbox comes with the app: it can be tested and renamed, not removed.
    await expect(page.getByRole('button', { name: 'Remove Local sandbox', exact: true })).toHaveCount(0)
  } finally {
    await server.dispose()
  }
})
