import Parser from 'rss-parser'
import { expectAccessible } from './axe'
import { expect, test } from './fixtures'
import { writer } from './writer'

// Issue 7's proof in the browser: write two weblog posts for the Local sandbox's community account,
// publish them from the Weblog area (a queued site sync renders and upstreams the site, then pings),
// and open the home page and the feed from the URLs the sandbox returned; the feed's links open.
const posts = [
  { title: 'Morning at the harbour', body: 'The *ferry* left on time.', categories: 'harbour, boats' },
  { title: 'Evening tide', body: 'Water up to the **third** step.', categories: 'tides' },
]

test('write two posts, publish them, open the home page and the feed from the sandbox', async ({
  app,
  page,
  request,
}) => {
  await page.goto(app.url)
  const w = writer(page)
  const toWeblog = () => page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Weblog' }).click()
  const weblog = page.getByRole('region', { name: 'Weblog', exact: true })

  for (const p of posts) {
    await toWeblog()
    await weblog.getByRole('button', { name: 'New post' }).click()
    // Write opens the new draft (empty), a weblog post for the community account.
    await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('')
    await expect(w.editor().getByLabel('Kind')).toHaveValue('post')
    await w.title(p.title)
    await w.body(p.body)
    await w.saved()
  }

  await page.keyboard.press('ControlOrMeta+5') // the area's shortcut
  for (const p of posts) {
    await weblog.getByLabel('Post draft').selectOption({ label: p.title })
    await weblog.getByLabel('Categories').fill(p.categories)
    await weblog.getByRole('button', { name: 'Publish post' }).click()
    await expect(weblog.getByRole('listitem', { name: p.title })).toBeVisible()
  }

  // The sync ran in the queue: both permalinks are links now, and the ping's reply is shown.
  const list = weblog.getByRole('list', { name: 'Posts' })
  await expect(list.getByRole('link')).toHaveText([posts[1].title, posts[0].title], { timeout: 30_000 })
  await expect(weblog.getByRole('group', { name: 'Latest sync' }).getByText('Done', { exact: true })).toBeVisible()
  await expect(weblog.getByRole('list', { name: 'Ping replies' })).toContainText('Thanks for the ping.')
  await weblog.getByRole('button', { name: 'Dry run' }).click()
  await expect(weblog.getByRole('region', { name: 'Dry run' })).toContainText('Nothing to send')
  await expectAccessible(page, 'Weblog area')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectAccessible(page, 'Weblog area, dark')

  const home = await weblog.getByRole('link', { name: 'Open home page' }).getAttribute('href')
  const feedUrl = await weblog.getByRole('link', { name: 'Open feed' }).getAttribute('href')
  expect(home).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.+\/index\.html$/)
  const site = await page.context().newPage()
  await site.goto(home!)
  for (const p of posts) await expect(site.getByRole('link', { name: p.title })).toBeVisible()

  const feed = await new Parser().parseString(await (await request.get(feedUrl!)).text())
  expect(feed.items.map((i) => i.title)).toEqual([posts[1].title, posts[0].title])
  expect(feed.items.map((i) => i.categories)).toEqual([['tides'], ['harbour', 'boats']])
  for (const item of feed.items) {
    const opened = await site.goto(item.link!)
    expect(opened?.status()).toBe(200)
    await expect(site.getByRole('heading', { name: item.title })).toBeVisible()
    await expect(site.locator('body')).toContainText(
      posts.find((p) => p.title === item.title)!.body.replaceAll('*', ''),
    )
  }
})
