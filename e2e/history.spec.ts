import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expectAccessible } from './axe'
import { expect, test } from './fixtures'
import { writer } from './writer'

// Three saves, then the first text brought back: it is restored as a new version, and the text
// it replaced is kept too (nothing the writer saved is ever gone).
test('version history: edit, save, compare an older version with the current text, restore it', async ({
  app,
  page,
}) => {
  const w = writer(page)
  await page.goto(app.url)
  await w.newDraft()
  await w.title('Harbour log')
  for (const body of ['<p>First: the ferry at seven.</p>', '<p>Second: the ferry at eight.</p>', '<p>Third.</p>']) {
    await w.body(body)
    await w.saved()
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await w.saved()
  }

  await w.editor().getByRole('button', { name: 'History…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Version history' })
  const versions = dialog.getByRole('list', { name: 'Versions' }).getByRole('button')
  // Newest first: "Second", "First" (and an empty body, if autosave caught the title alone).
  await expect(versions.nth(1)).toBeVisible()
  const kept = await versions.count()
  await versions.nth(1).click()
  const diff = dialog.getByRole('region', { name: 'Changes from this version to the current text' })
  await expect(diff.locator('del')).toContainText('First: the ferry at seven.')
  await expect(diff.locator('ins')).toContainText('Third.')
  await expectAccessible(page, 'Version history')
  await dialog.getByRole('button', { name: 'Restore this version' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('First: the ferry at seven.')
  await w.saved()

  await w.editor().getByRole('button', { name: 'History…' }).click()
  await expect(versions).toHaveCount(kept + 1) // "Third." is kept as a version now
  await versions.first().click()
  await expect(diff.locator('del')).toContainText('Third.')
  await page.keyboard.press('Escape')

  // On disk, compressed: one file per distinct text in the data folder's history/.
  const [draftDir] = readdirSync(join(app.dataDir, 'history'))
  expect(readdirSync(join(app.dataDir, 'history', draftDir)).filter((n) => n.endsWith('.json.gz'))).toHaveLength(
    kept + 1,
  )
})
