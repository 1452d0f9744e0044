import { expectAccessible } from './axe'
import { expect, test } from './fixtures'
import { rpc, standaloneSandbox } from './standalone-sandbox'
import { addAccount } from './writer'

const MEMBER = 'ann@example.com'
const PASSWORD = 'hunter2-very-secret'

// Every XML-RPC exchange, request and answer, pretty and coloured, the password redacted, even
// when the writer typed it into the console themselves; and the console's own calls.
test('the inspector shows the exchange without the password, and calls a method', async ({ app, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const server = await standaloneSandbox({ users: [`${MEMBER}:${PASSWORD}`] })
  try {
    rpc(
      server.endpoint,
      'mainResponder.discuss.newMessage',
      'sandbox',
      MEMBER,
      PASSWORD,
      'Tide tables',
      'High water at six.',
      0,
    )
    await page.goto(app.url)
    await addAccount(page, {
      kind: 'Discussion group',
      name: 'Tide group',
      url: server.endpoint,
      group: 'sandbox',
      username: MEMBER,
      password: PASSWORD,
    })
    await page.getByRole('button', { name: 'Test connection to Tide group' }).click()
    await expect(page.getByRole('region', { name: 'Connection test for Tide group' })).toContainText('Connected.')

    await page.keyboard.press('ControlOrMeta+4')
    const list = page.getByRole('tabpanel', { name: 'Exchanges' })
    const exchanges = list.getByRole('table', { name: 'Exchanges' })
    await list.getByLabel('Account', { exact: true }).selectOption({ label: 'Tide group' })
    await list.getByLabel('Method', { exact: true }).fill('getTopics')
    await expect(exchanges.getByRole('row')).toHaveCount(2) // the header and the one call
    const row = exchanges.getByRole('row').nth(1)
    await expect(row).toContainText('Tide group')
    await expect(row).toContainText('200')
    await row.getByRole('button', { name: 'mainResponder.discuss.getTopics' }).click()

    const detail = page.getByRole('region', { name: 'Exchange mainResponder.discuss.getTopics' })
    const request = detail.getByLabel('Request XML')
    await expect(request).toContainText('<methodName>mainResponder.discuss.getTopics</methodName>')
    await expect(request).toContainText(`<string>${MEMBER}</string>`)
    await expect(request).not.toContainText(PASSWORD)
    await expect(detail.getByLabel('Response XML')).toContainText('Tide tables')
    await expect(request.locator('.x-tag').first()).toBeVisible() // highlighted, not one grey block
    await detail.getByRole('button', { name: 'Copy as text' }).click()
    await expect(detail.getByRole('status')).toHaveText('Copied.')
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toContain('--- request')
    expect(copied).toContain('  <params>')
    expect(copied).not.toContain(PASSWORD)
    await expectAccessible(page, 'Inspector, an exchange')

    // The console: pick the account and a method, arguments as typed JSON.
    await page.getByRole('tab', { name: 'Call a method' }).click()
    const panel = page.getByRole('tabpanel', { name: 'Call a method' })
    await panel.getByLabel('Account').selectOption({ label: 'Tide group' })
    await expect(panel.getByText(/\d+ methods offered/)).toBeVisible()
    await panel.getByRole('combobox', { name: 'Method' }).fill('mainResponder.discuss.getTopics')
    await panel.getByLabel('Arguments (typed JSON)').fill('[sandbox]')
    await expect(panel.getByText('Strings need double quotes')).toBeVisible()
    await expect(panel.getByRole('button', { name: 'Call', exact: true })).toBeDisabled()
    await panel.getByLabel('Arguments (typed JSON)').fill(JSON.stringify(['sandbox', MEMBER, PASSWORD, 5]))
    await expectAccessible(page, 'Inspector, the console')
    await panel.getByRole('button', { name: 'Call', exact: true }).click()
    await expect(panel.getByRole('region', { name: 'Result' }).or(panel.getByLabel('Result'))).toContainText(
      '"title": "Tide tables"',
    )
    await panel.getByRole('button', { name: 'Show the exchange' }).click()
    const shown = page.getByRole('region', { name: 'Exchange mainResponder.discuss.getTopics' })
    await expect(shown.getByLabel('Request XML')).toContainText('<int>5</int>')
    await expect(shown.getByLabel('Request XML')).not.toContainText(PASSWORD)
    await expect(page.getByRole('table', { name: 'Exchanges' })).not.toContainText(PASSWORD)
  } finally {
    await server.dispose()
  }
})
