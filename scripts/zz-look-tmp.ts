import { chromium } from '@playwright/test'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startHost } from '/work/main/e2e/app-host'

const app = await startHost()
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await (await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 800 } })).newPage()
    await page.goto(app.url)
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Weblog' }).click()
    const weblog = page.getByRole('region', { name: 'Weblog', exact: true })
    await weblog.getByLabel('Weblog name').waitFor()
    writeFileSync(join(app.dataDir, 'sites', 'local-sandbox-community', 'www', `page-${scheme}.html`), '<p>x</p>')
    writeFileSync(join(app.dataDir, 'sites', 'local-sandbox-community', 'www', `tool-${scheme}.exe`), 'MZ')
    await weblog.getByRole('button', { name: 'Sync now' }).click()
    await weblog.getByRole('group', { name: 'Latest sync' }).waitFor()
    await page.waitForTimeout(1500)
    await page.screenshot({ path: `/tmp/x/look-sync-${scheme}.png` })
    const home = await weblog.getByRole('link', { name: 'Open home page' }).getAttribute('href').catch(() => null)
    const url = `${new URL(app.url).origin}/x`
    await page.getByRole('button', { name: 'Dismiss notification' }).first().click()
    await weblog.getByLabel('Page URL to watch').fill(home ?? 'http://127.0.0.1:9/nothing.html')
    await weblog.getByRole('button', { name: 'Subscribe' }).click()
    await page.waitForTimeout(800)
    await weblog.getByRole('heading', { name: 'Subscriptions' }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: `/tmp/x/look-subs-${scheme}.png` })
    void url
  }
} finally {
  await browser.close()
  await app.stop()
}
