import { describe, expect, it } from 'vitest'
import type { Draft } from '../../../../shared/model'
import { NEW, sandboxQueue, user } from '../../testing/sandbox-queue'

const SAVE = 'mainResponder.discuss.saveMessage'

describe('saveMessage through the queue, against the sandbox', () => {
  it('is idempotent: a lost answer is simply sent again, and the message holds the new words', async () => {
    const t = await sandboxQueue([{ method: SAVE, when: 'after' }])
    const { msgnum } = (await t.sandbox.call(NEW, 'sandbox', user.email, user.password, 'Draft', 'Old words.', 0)) as {
      msgnum: string
    }
    const job = await t.queue('discuss.saveMessage', { title: 'Draft', body: 'New words.', inResponseTo: 0, msgnum })
    expect(job()).toMatchObject({ state: 'waiting-retry', error: { kind: 'transport', details: { code: 'reset' } } })
    await t.clock.advance(2_000)
    expect(job()).toMatchObject({ state: 'done', attempts: 2, result: { msgnum } })
    const m = (await t.sandbox.call(
      'mainResponder.discuss.getMessage',
      'sandbox',
      user.email,
      user.password,
      msgnum,
    )) as { body: string }
    expect(m.body).toBe('New words.')
  })

  it("someone else's message: the server's words, at once, no retries", async () => {
    const t = await sandboxQueue([])
    await t.sandbox.sandbox.addMember('bob@example.com', 'pw')
    const { msgnum } = (await t.sandbox.call(NEW, 'sandbox', 'bob@example.com', 'pw', "Bob's", 'His.', 0)) as {
      msgnum: string
    }
    const job = await t.queue('discuss.saveMessage', { title: 'Mine now', body: 'No.', inResponseTo: 0, msgnum })
    expect(job()).toMatchObject({ state: 'needs-attention', attempts: 1, error: { kind: 'fault' } })
    expect(job().error!.message).toContain('only its author can edit it')
  })

  it('opened from the server and changed there since: stops with a conflict on the draft, saves nothing', async () => {
    const t = await sandboxQueue([])
    const { msgnum } = (await t.sandbox.call(NEW, 'sandbox', user.email, user.password, 'Notes', 'Base words.', 0)) as {
      msgnum: string
    }
    t.world.drafts.set('d-Notes', draftOpenedFrom(msgnum, 'Notes', 'Base words.'))
    await t.sandbox.call(SAVE, 'sandbox', user.email, user.password, msgnum, 'Their words.', 'Notes') // another client
    const job = await t.queue('discuss.saveMessage', { title: 'Notes', body: 'My words.', inResponseTo: 0, msgnum })
    expect(job()).toMatchObject({ state: 'needs-attention', error: { kind: 'conflict' } })
    expect(t.world.drafts.get('d-Notes')!.conflict).toMatchObject({ theirs: { title: 'Notes', body: 'Their words.' } })
    expect(await body(t, msgnum)).toBe('Their words.')
  })

  it('its own earlier save (answer lost) is not a conflict: retried, then the base is what was saved', async () => {
    const t = await sandboxQueue([{ method: SAVE, when: 'after' }])
    const { msgnum } = (await t.sandbox.call(NEW, 'sandbox', user.email, user.password, 'Notes', 'Base words.', 0)) as {
      msgnum: string
    }
    t.world.drafts.set('d-Notes', draftOpenedFrom(msgnum, 'Notes', 'Base words.'))
    const job = await t.queue('discuss.saveMessage', { title: 'Notes', body: 'My words.', inResponseTo: 0, msgnum })
    await t.clock.advance(2_000)
    expect(job()).toMatchObject({ state: 'done', attempts: 2 })
    expect(t.world.drafts.get('d-Notes')).toMatchObject({ base: { msgnum, body: 'My words.' } })
    expect(t.world.drafts.get('d-Notes')!.conflict).toBeUndefined()
    expect(await body(t, msgnum)).toBe('My words.')
  })
})

function draftOpenedFrom(msgnum: string, title: string, body: string): Draft {
  const at = new Date().toISOString()
  return {
    id: `d-${title}`,
    kind: 'message',
    accountId: 'dg',
    title,
    body,
    format: 'text',
    createdAt: at,
    updatedAt: at,
    revision: 1,
    published: [],
    base: { msgnum, title, body, fetchedAt: at },
  }
}

async function body(t: Awaited<ReturnType<typeof sandboxQueue>>, msgnum: string): Promise<string> {
  return (
    (await t.sandbox.call('mainResponder.discuss.getMessage', 'sandbox', user.email, user.password, msgnum)) as {
      body: string
    }
  ).body
}
