import { expect, test } from './fixtures'
import { writer } from './writer'

const squiggles = '.monaco-editor .squiggly-info'

// Misspelled prose is underlined as the writer types, never inside tags, attributes or URLs;
// Ctrl+. offers the dictionary's suggestions.
test('spell check: underline (never in tags, attributes or URLs) and a suggestion from the keyboard', async ({
  app,
  page,
}) => {
  const w = writer(page)
  await page.goto(app.url)
  await w.newDraft()
  await w.title('Spelling')
  await w.body('<p class="zzqxv">The harbuor at <a href="https://exmple.com/wrld">dawn</a>.</p>')
  const marks = page.locator(squiggles)
  await expect(marks).toHaveCount(1, { timeout: 20_000 }) // "harbuor"; not the class, the URL or the tags

  // The suggestion, from the keyboard, on the word.
  await page.keyboard.press('Control+Home')
  for (let i = 0; i < '<p class="zzqxv">The harb'.length; i++) await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Control+.')
  const menu = page.getByRole('listbox', { name: 'Action Widget' })
  await menu.getByRole('option', { name: /^harbor,/ }).click() // dictionary-en is American English
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('The harbor at')
  await expect(marks).toHaveCount(0)
})
