// `npm run screenshots`: renders every screen, light and dark, into docs/screenshots/ (used by the
// README). Starts the real app (browser host + Local sandbox) with a fresh data directory.
import { chromium, type Page } from '@playwright/test'
import { existsSync, mkdirSync } from 'node:fs'
import { startHost } from '../e2e/app-host'

const out = 'docs/screenshots'
mkdirSync(out, { recursive: true })
const executablePath = process.env.UPSTREAM_CHROMIUM || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))

const app = await startHost()
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] })
try {
  // Seed one published page so every screen has something to show.
  const seed = await browser.newPage()
  await seed.goto(app.url)
  await seed.getByRole('button', { name: 'New', exact: true }).click()
  await seed.getByRole('textbox', { name: 'Title' }).fill('Notes from the train')
  await seed.getByLabel('Relative path').fill('notes/train.html')
  await seed.locator('.monaco-editor').first().click()
  await seed.keyboard.press('ControlOrMeta+A')
  await seed.keyboard.insertText('<h1>Notes from the train</h1>\n<p>Written offline, published when the network came back.</p>\n<ul>\n  <li>No lost words</li>\n  <li>A queue that retries</li>\n</ul>\n')
  await seed.locator('[data-save-state="saved"]').waitFor()
  await seed.getByRole('region', { name: 'Editor' }).getByRole('button', { name: 'Publish', exact: true }).click()
  await seed.getByRole('link', { name: 'Open published page' }).first().waitFor()
  const token = await seed.evaluate(() => sessionStorage.getItem('upstream.token'))
  await seed.close()

  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await page.goto(`${app.origin}/#token=${token}`)
    await shoot(page, 'Write', `write-${scheme}`)
    await shoot(page, 'Publish queue', `queue-${scheme}`)
    await shoot(page, 'Accounts', `accounts-${scheme}`)
    await context.close()
  }
  console.log(`screenshots written to ${out}/`)
} finally {
  await browser.close()
  await app.stop()
}

async function shoot(page: Page, area: string, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Areas' }).getByText(area, { exact: true }).click()
  await page.waitForTimeout(800) // Monaco lays out and colours after the first frame
  await page.screenshot({ path: `${out}/${name}.png` })
}
