// `npm run screenshots`: renders every screen, light and dark, into docs/screenshots/ (used by the
// README). Starts the real app (browser host + Local sandbox) with a fresh data directory, and a
// standalone sandbox playing a discussion server someone else also writes to (for the conflict).
import { chromium, type Page } from '@playwright/test'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startHost } from '../e2e/app-host'
import { rpc, standaloneSandbox } from '../e2e/standalone-sandbox'
import { addAccount, writer } from '../e2e/writer'

// UPSTREAM_SHOTS_DIR: render elsewhere, to look at one screen without touching the others.
const out = process.env.UPSTREAM_SHOTS_DIR ?? 'docs/screenshots'
mkdirSync(out, { recursive: true })
const executablePath =
  process.env.UPSTREAM_CHROMIUM || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))
const MEMBER = 'ann@example.com'
const PASSWORD = 'harbour-2025'
const who = ['sandbox', MEMBER, PASSWORD]

const app = await startHost()
const server = await standaloneSandbox({ users: [`${MEMBER}:${PASSWORD}`] })
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
})
try {
  const seed = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await seed.goto(app.url)
  await seedDrafts(seed)
  await seedWeblog(seed)
  await seed.close()

  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await page.goto(app.url)
    const drafts = page.getByRole('complementary', { name: 'Drafts' })
    const open = async (title: string) => {
      await drafts.getByRole('button', { name: new RegExp(title) }).click()
      await page
        .getByRole('textbox', { name: 'Title' })
        .and(page.locator(`[value="${title}"]`))
        .waitFor()
    }

    await open('Notes from the train')
    await shoot(page, `write-${scheme}`)
    await open('Harbour sounds')
    await shoot(page, `write-message-${scheme}`)
    await open('Ferry times')
    await page.getByRole('region', { name: 'This message changed on the server' }).waitFor()
    await shoot(page, `conflict-${scheme}`)
    await page.getByRole('region', { name: 'Editor' }).getByRole('button', { name: 'History…' }).click()
    const history = page.getByRole('dialog', { name: 'Version history' })
    await history.getByRole('list', { name: 'Versions' }).getByRole('button').first().click()
    await history.getByRole('region', { name: /Changes from this version/ }).waitFor()
    await shoot(page, `history-${scheme}`)
    await page.keyboard.press('Escape')
    await drafts.getByRole('button', { name: 'Open from server…' }).click()
    await page
      .getByRole('dialog', { name: 'Open from server' })
      .getByLabel('Discussion group')
      .selectOption({ label: 'Harbour group' })
    await page.getByRole('button', { name: /000001 Ferry times/ }).waitFor()
    await shoot(page, `open-from-server-${scheme}`)
    await page.keyboard.press('Escape')

    await area(page, 'Publish queue')
    await shoot(page, `queue-${scheme}`)
    await area(page, 'Notifications')
    await page.getByRole('dialog', { name: 'Notifications' }).locator('.notice').first().waitFor()
    await shoot(page, `notifications-${scheme}`)
    await page.keyboard.press('Escape')

    await area(page, 'Accounts')
    await page.getByRole('button', { name: 'Test connection to Local sandbox — weblog' }).click()
    const report = page.getByRole('region', { name: 'Connection test for Local sandbox — weblog' })
    await report.waitFor()
    await report.scrollIntoViewIfNeeded()
    await shoot(page, `accounts-${scheme}`)
    await page.getByRole('button', { name: 'Add account' }).click()
    await page
      .getByRole('dialog', { name: 'Add an account' })
      .getByLabel('Kind')
      .selectOption({ label: 'Community server' })
    await shoot(page, `account-form-${scheme}`)
    await page.keyboard.press('Escape')

    await area(page, 'Inspector')
    await page.getByRole('table', { name: 'Exchanges' }).getByRole('button', { name: 'webHost.put' }).first().click()
    await shoot(page, `inspector-${scheme}`)
    await page.getByRole('tab', { name: 'Call a method' }).click()
    const panel = page.getByRole('tabpanel', { name: 'Call a method' })
    await panel.getByLabel('Account').selectOption({ label: 'Harbour group' })
    await panel.getByRole('combobox', { name: 'Method' }).fill('mainResponder.discuss.getTopics')
    await panel.getByLabel('Arguments (typed JSON)').fill(JSON.stringify(['sandbox', MEMBER, '…your password…', 2]))
    await panel.getByText(/methods offered/).waitFor()
    await shoot(page, `console-${scheme}`)

    // A page dropped into the site folder since: the status and the dry run show it waiting to go.
    writeFileSync(
      join(app.dataDir, 'sites', 'local-sandbox-community', 'www', 'about.html'),
      '<h1>About this weblog</h1>\n',
    )
    await area(page, 'Weblog')
    const weblog = page.getByRole('region', { name: 'Weblog', exact: true })
    await weblog.getByText('1 file to upload').waitFor()
    await weblog.getByRole('button', { name: 'Dry run' }).click()
    await weblog.getByRole('region', { name: 'Dry run' }).waitFor()
    await shoot(page, `weblog-${scheme}`)
    await context.close()
  }
  console.log(`screenshots written to ${out}/`)
} finally {
  await browser.close()
  await app.stop()
  await server.dispose()
}

/** A published page, a message with an enclosure, and a message in conflict with the server. */
async function seedDrafts(page: Page): Promise<void> {
  const w = writer(page)
  await w.newDraft()
  await w.title('Notes from the train')
  await page.getByLabel('Relative path').fill('notes/train.html')
  await w.body(
    '<h1>Notes from the train</h1>\n<p>Written offline, published when the network came back.</p>\n<ul>\n  <li>No lost words</li>\n  <li>A queue that retries</li>\n</ul>\n',
  )
  await w.saved()
  await w.publish()
  await page.getByRole('link', { name: 'Open published page' }).first().waitFor()

  rpc(
    server.endpoint,
    'mainResponder.discuss.newMessage',
    ...who,
    'Ferry times',
    'The ferry leaves at 7:10.\nIt stops at the island.\nTickets on board.\nBikes go free.',
    0,
  )
  await addAccount(page, {
    kind: 'Discussion group',
    name: 'Harbour group',
    url: server.endpoint,
    group: 'sandbox',
    username: MEMBER,
    password: PASSWORD,
  })
  await area(page, 'Write')
  await page.getByRole('complementary', { name: 'Drafts' }).getByRole('button', { name: 'Open from server…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Open from server' })
  await dialog.getByLabel('Discussion group').selectOption({ label: 'Harbour group' })
  await dialog.getByRole('button', { name: /000001 Ferry times/ }).click()
  await page.getByRole('textbox', { name: 'Title' }).and(page.locator('[value="Ferry times"]')).waitFor()
  rpc(
    server.endpoint,
    'mainResponder.discuss.saveMessage',
    ...who,
    '000001',
    'The ferry leaves at 7:10.\nIt stops at the island.\nTickets on board.\nBikes go free; dogs on a lead.',
    'Ferry times',
  )
  await w.body('The ferry leaves at 7:25 on Sundays.\nIt stops at the island.\nTickets on board.\nBikes go free.')
  await w.saved()
  await w.publish()
  await page.getByRole('button', { name: 'Compare versions…' }).click()
  await page.getByRole('region', { name: 'This message changed on the server' }).waitFor()

  await w.newDraft('Discussion message')
  await page.getByLabel('Discussion group').selectOption({ label: 'Local sandbox — group “sandbox”' })
  await w.title('Harbour sounds')
  await w.body('<p>Recorded at the pier this morning: gulls, ropes and the <em>7:10</em> ferry.</p>')
  await w.saved()
  await page.getByRole('region', { name: 'Editor' }).evaluate((el) => {
    const data = new DataTransfer()
    data.items.add(new File([new Uint8Array(180_000)], 'pier-morning.mp3', { type: 'audio/mpeg' }))
    el.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
  })
  await page.getByRole('button', { name: 'Remove pier-morning.mp3' }).waitFor()
}

/** Two weblog posts written in Write and published from the Weblog area. */
async function seedWeblog(page: Page): Promise<void> {
  const w = writer(page)
  const weblog = page.getByRole('region', { name: 'Weblog', exact: true })
  const posts = [
    ['Morning at the harbour', 'The *ferry* left on time; gulls on every post.', 'boats, harbour'],
    ['Evening tide', 'Water up to the **third** step.', 'tides'],
  ]
  for (const [title, body] of posts) {
    await area(page, 'Weblog')
    await weblog.getByRole('button', { name: 'New post' }).click()
    await page.getByRole('textbox', { name: 'Title', exact: true }).and(page.locator('[value=""]')).waitFor()
    await w.title(title)
    await w.body(body)
    await w.saved()
  }
  await area(page, 'Weblog')
  for (const [title, , categories] of posts) {
    await weblog.getByLabel('Post draft').selectOption({ label: title })
    await weblog.getByLabel('Categories').fill(categories)
    await weblog.getByRole('button', { name: 'Publish post' }).click()
  }
  await weblog.getByRole('list', { name: 'Posts' }).getByRole('link').nth(1).waitFor({ timeout: 30_000 })
}

async function area(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name }).click()
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(800) // Monaco lays out and colours after the first frame
  await page.screenshot({ path: `${out}/${name}.png` })
}
