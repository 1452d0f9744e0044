import { expectAccessible } from './axe'
import { expect, test } from './fixtures'
import { rpc, standaloneSandbox } from './standalone-sandbox'
import { addAccount, writer } from './writer'

const MEMBER = 'ann@example.com'
const PASSWORD = 'open sesame'
const who = ['sandbox', MEMBER, PASSWORD] as const

// Open a discussion message from the server → edit it offline → save → publish (saveMessage).
// Then a second client changes it on the server; our next publish finds the conflict, shows mine,
// theirs and the base with a diff, and a merge of both goes out.
test('open from server, edit offline, publish; then a conflict, merged', async ({ app, page }) => {
  const server = await standaloneSandbox({ users: [`${MEMBER}:${PASSWORD}`] })
  try {
    const posted = rpc(
      server.endpoint,
      'mainResponder.discuss.newMessage',
      ...who,
      'Ferry times',
      'line one\nline two\nline three\nline four',
      0,
    ) as { msgnum: string }
    expect(posted.msgnum).toBe('000001')
    const serverBody = () =>
      (rpc(server.endpoint, 'mainResponder.discuss.editMessage', ...who, '000001') as { body: string }).body

    const w = writer(page)
    await page.goto(app.url)
    await addAccount(page, {
      kind: 'Discussion group',
      name: 'Harbour group',
      url: server.endpoint,
      group: 'sandbox',
      username: MEMBER,
      password: PASSWORD,
    })
    await w.area('Write')

    // Open from server: pick the group, then the message from its topics.
    await page
      .getByRole('button', { name: /Open (a message )?from (a )?server…/ })
      .first()
      .click()
    const dialog = page.getByRole('dialog', { name: 'Open from server' })
    await dialog.getByLabel('Discussion group').selectOption({ label: 'Harbour group' })
    await expect(dialog.getByRole('button', { name: /000001 Ferry times/ })).toBeVisible()
    await expectAccessible(page, 'Open from server dialog')
    await dialog.getByRole('button', { name: /000001 Ferry times/ }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Ferry times')
    await expect(page.getByText('Opened from the server (message 000001)')).toBeVisible()
    await expect(page.getByText('may show HTML tags as text')).toBeVisible()

    // Offline: the server is gone, the words are still saved locally.
    await server.stop()
    await w.body('line one, edited on the train\nline two\nline three\nline four')
    await page.keyboard.press('ControlOrMeta+S')
    await w.saved()
    await server.start()
    await w.publish()
    const save = w.job('Save “Ferry times” (msgnum 000001) in Harbour group')
    await expect(save.getByText('Done', { exact: true })).toBeVisible({ timeout: 30_000 })
    expect(serverBody()).toBe('line one, edited on the train\nline two\nline three\nline four')

    // A second client changes the last line on the server; we change the second one.
    rpc(
      server.endpoint,
      'mainResponder.discuss.saveMessage',
      ...who,
      '000001',
      'line one, edited on the train\nline two\nline three\nline four, changed by a colleague',
      'Ferry times',
    )
    await w.area('Write')
    await w.body('line one, edited on the train\nline two, edited again\nline three\nline four')
    await w.saved()
    await w.publish()

    // The queue says why; "Compare versions…" leads back to the draft.
    const stopped = w.job('Save “Ferry times” (msgnum 000001) in Harbour group').filter({ hasText: 'Needs attention' })
    await expect(stopped.locator('.job-error')).toContainText('changed on the server')
    await stopped.getByRole('button', { name: 'Compare versions…' }).click()
    const conflict = page.getByRole('region', { name: 'This message changed on the server' })
    await expect(conflict).toBeVisible({ timeout: 30_000 })
    await expect(
      page.getByRole('region', { name: 'Editor' }).getByRole('button', { name: 'Publish', exact: true }),
    ).toBeDisabled()
    await expect(conflict.getByRole('region', { name: 'My changes' }).locator('ins')).toContainText([
      'line two, edited again',
    ])
    await expect(conflict.getByRole('region', { name: 'Their changes' }).locator('ins')).toContainText([
      'line four, changed by a colleague',
    ])
    await conflict.getByLabel('Mine, theirs, base').check()
    await expect(conflict.getByLabel('Base: full text')).toContainText('line three')
    await expectAccessible(page, 'Conflict view')
    expect(serverBody()).toContain('changed by a colleague') // nothing was overwritten

    await conflict.getByRole('button', { name: 'Merge…' }).click()
    const merge = page.getByRole('dialog', { name: 'Merge the two versions' })
    const merged =
      'line one, edited on the train\nline two, edited again\nline three\nline four, changed by a colleague'
    await expect(merge.getByLabel('Merged text')).toHaveValue(merged)
    await expect(merge.getByText('Both sets of changes fit together.')).toBeVisible()
    await expectAccessible(page, 'Merge dialog')
    await merge.getByRole('button', { name: 'Use the merged version' }).click()
    await expect(merge).toBeHidden()
    await expect(conflict).toBeHidden()
    await w.saved()

    await w.publish()
    await expect(
      w.job('Save “Ferry times” (msgnum 000001) in Harbour group').first().getByText('Done', { exact: true }),
    ).toBeVisible({ timeout: 30_000 })
    await expect.poll(serverBody).toBe(merged)
  } finally {
    await server.dispose()
  }
})
