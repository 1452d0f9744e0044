import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expectAccessible } from './axe'
import { expect, test } from './fixtures'
import { writer } from './writer'

const SIZE = 50 * 1024 * 1024

// A 50 MB enclosure, picked, staged (the File object itself goes out: no bytes in JS strings),
// attached, and sent with its message: no task on the renderer's main thread may take 200 ms.
test('a 50 MB enclosure is added and sent without a long task in the renderer', async ({ app, page, request }) => {
  test.setTimeout(120_000)
  const dir = mkdtempSync(join(tmpdir(), 'upstream-e2e-files-'))
  const big = join(dir, 'harbour-recording.mp3')
  const bytes = Buffer.alloc(SIZE)
  for (let i = 0; i < SIZE; i += 4096) bytes.writeUInt32LE((i * 2654435761) >>> 0, i) // not all zeros
  writeFileSync(big, bytes)
  try {
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: { at: number; ms: number }[] }
      w.__longTasks = []
      new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => w.__longTasks.push({ at: e.startTime, ms: e.duration })),
      ).observe({ type: 'longtask', buffered: true })
    })
    const w = writer(page)
    await page.goto(app.url)
    await w.newDraft('Discussion message')
    await w.title('Harbour sounds')
    await page.getByLabel('Format').selectOption({ label: 'Plain text' })
    await w.body('Recorded at the pier this morning.')
    await w.saved()
    await page.waitForTimeout(500) // Monaco's start-up is not what is measured
    await page.evaluate(() => ((window as unknown as { __longTasks: unknown[] }).__longTasks = []))
    const steps: [string, number][] = []
    const step = async (name: string) => steps.push([name, await page.evaluate(() => performance.now())])
    await step('pick')

    // Pick the big one through the button, as a person would…
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Add files…' }).click()
    await (await chooser).setFiles(big)
    const files = page.getByRole('list', { name: 'Attached files' })
    const attached = files.getByRole('listitem').filter({ hasText: 'harbour-recording.mp3' })
    await expect(attached.getByRole('button', { name: 'Remove harbour-recording.mp3' })).toBeVisible({
      timeout: 60_000,
    })
    await expect(attached).toContainText('audio/mpeg')
    await expect(attached).toContainText('50 MB')

    await step('drop')
    // …and drop a small one on the editor, then take it off again.
    await page.getByRole('region', { name: 'Editor' }).evaluate((el) => {
      const data = new DataTransfer()
      data.items.add(new File(['a note'], 'note.txt', { type: 'text/plain' }))
      el.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }))
      el.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
    })
    await expect(files.getByRole('listitem').filter({ hasText: 'note.txt' })).toContainText('6 bytes')
    await step('axe') // axe-core runs in the page: its own long tasks are not the app's
    await expectAccessible(page, 'Write, a message with enclosures')
    await step('remove')
    await files.getByRole('button', { name: 'Remove note.txt' }).click()
    await expect(files.getByRole('listitem')).toHaveCount(1)

    // Send it: the queue shows the job, its bytes going out, and the result.
    await step('publish')
    await w.publish()
    const job = w.job(/Post “Harbour sounds”/)
    await expect(job.getByText('Done', { exact: true })).toBeVisible({ timeout: 90_000 })
    const link = job.getByRole('link', { name: 'Open published page' })
    await expect(link).toBeVisible()

    // The server has it, every byte: the message page lists it with its size.
    const messagePage = await (await request.get((await link.getAttribute('href'))!)).text()
    expect(messagePage).toContain('harbour-recording.mp3')
    expect(messagePage).toContain(`audio/mpeg, ${SIZE} bytes`)

    const longTasks = await page.evaluate(
      () => (window as unknown as { __longTasks: { at: number; ms: number }[] }).__longTasks,
    )
    const during = (at: number) => steps.filter(([, t]) => t <= at).at(-1)?.[0] ?? 'before'
    const apps = longTasks.filter((t) => during(t.at) !== 'axe')
    const report = apps.map((t) => `${Math.round(t.ms)} ms (${during(t.at)})`).join(', ')
    expect(Math.max(0, ...apps.map((t) => t.ms)), `long tasks: ${report}`).toBeLessThan(200)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
