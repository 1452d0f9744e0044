import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { WeblogSettings, WeblogSubscription } from '../../../shared/weblog'
import { saveWeblogConfig } from '../../weblog/config-store'
import { siteLocations } from '../../weblog/site-locations'
import { defaultWeblogConfig } from '../../weblog/weblog-config'
import { SANDBOX_COMMUNITY, testCore } from '../testing/test-core'

const accountId = SANDBOX_COMMUNITY

describe('the weblog runtime in the core', () => {
  it('subscribes with pleaseNotify and tells of the server’s callback as a notification', async () => {
    const app = await testCore()
    const { siteDirInUse }: WeblogSettings = await app.call('weblog.settings.get', { accountId })
    await writeFile(join(siteDirInUse, 'watched.html'), 'v1')
    const first = await app.settled((await app.call('site.sync', { accountId })).id)
    const url = first.files!.find((f) => f.path === 'watched.html')!.url!

    const sub: WeblogSubscription = await app.call('site.subscribe', { accountId, url })
    expect(sub).toMatchObject({
      accountId,
      server: app.sandboxUrl,
      url,
      active: true,
      lastError: null,
      lastNotifiedAt: null,
    })
    await writeFile(join(siteDirInUse, 'watched.html'), 'v2')
    await app.settled((await app.call('site.sync', { accountId })).id)
    await vi.waitFor(
      () =>
        expect(app.emitted('notification')).toContainEqual({
          level: 'info',
          title: 'A subscribed page changed',
          body: expect.stringContaining(url),
        }),
      { timeout: 5000 },
    )
    const [listed]: WeblogSubscription[] = await app.call('site.subscriptions', { accountId })
    expect(listed.lastNotifiedAt).toEqual(expect.any(String))

    expect(await app.refusal('site.subscribe', { accountId, url: 'javascript:alert(1)' })).toMatchObject({
      kind: 'invalid-input',
      details: { field: 'url' },
    })
    expect(await app.call('site.unsubscribe', { accountId, url })).toEqual({ removed: true })
    expect(await app.call('site.subscriptions')).toEqual([])
  })

  it('upstream on change: a change in the site folder becomes one queued sync once it settles; off stops it', async () => {
    const app = await testCore()
    // A short quiet time keeps the test quick; the app's default is Radio's 10 s.
    const loc = siteLocations(app.dir, accountId)
    const defaults: WeblogSettings = await app.call('weblog.settings.get', { accountId })
    await saveWeblogConfig(loc, { ...defaultWeblogConfig(defaults.title), settleMs: 150 })
    await app.call('weblog.settings.save', { accountId, upstreamOnChange: true })

    await writeFile(join(defaults.siteDirInUse, 'a.html'), 'a')
    await writeFile(join(defaults.siteDirInUse, 'b.html'), 'b')
    const syncs = () => [...app.jobs.values()].filter((j) => j.action === 'site.sync')
    await vi.waitFor(() => expect(syncs().map((j) => j.state)).toEqual(['done']), { timeout: 10_000 })
    expect(syncs()[0].files?.map((f) => [f.path, f.status])).toEqual([
      ['a.html', 'sent'],
      ['b.html', 'sent'],
    ])

    // Publishing renders pages into the folder; the watcher sees them already sent and queues nothing more.
    const draft = await app.call('drafts.save', {
      kind: 'post',
      format: 'text',
      title: 'Noticed',
      body: 'Once.',
      accountId,
    })
    await app.settled((await app.call('weblog.posts.publish', { accountId, draftId: draft.id })).id)
    await new Promise((r) => setTimeout(r, 600))
    expect(syncs().map((j) => j.state)).toEqual(['done', 'done'])

    await app.call('weblog.settings.save', { accountId, upstreamOnChange: false })
    await writeFile(join(defaults.siteDirInUse, 'c.html'), 'c')
    await new Promise((r) => setTimeout(r, 600))
    expect(syncs()).toHaveLength(2)
  })
})
