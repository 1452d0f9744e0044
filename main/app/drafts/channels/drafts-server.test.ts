import { describe, expect, it } from 'vitest'
import type { Draft, Job, TopicSummary } from '../../../../shared/model'
import { SANDBOX_DG, SANDBOX_WEBHOST, testCore } from '../../testing/test-core'

const NS = 'mainResponder.discuss.'

/** The core, and one message on its sandbox posted by another client as the app's own member. */
async function scene(title = 'On the server', body = '<p>Server words.</p>') {
  const app = await testCore()
  const pw = await app.sandboxPassword()
  const member = (await app.call('accounts.list')).find((a) => a.id === SANDBOX_DG)!.username
  const { msgnum } = (await app.otherClient(`${NS}newMessage`, 'sandbox', member, pw, title, body, 0)) as {
    msgnum: string
  }
  const serverCopy = async () =>
    (await app.otherClient(`${NS}editMessage`, 'sandbox', member, pw, msgnum)) as { title: string; body: string }
  const editElsewhere = (t: string, b: string) =>
    app.otherClient(`${NS}saveMessage`, 'sandbox', member, pw, msgnum, b, t)
  const publish = async (draftId: string, state: Job['state'] = 'done') =>
    app.settled(((await app.call('publish.draft', { draftId })) as Job).id, state)
  return { app, msgnum, serverCopy, editElsewhere, publish }
}

describe('open from server → edit offline → publish', () => {
  it('becomes a draft with its base; edits go out with saveMessage to the same msgnum', async () => {
    const { app, msgnum, serverCopy, publish } = await scene()
    const draft: Draft = await app.call('drafts.openFromServer', { accountId: SANDBOX_DG, msgnum })
    expect(draft).toMatchObject({
      kind: 'message',
      format: 'html',
      accountId: SANDBOX_DG,
      title: 'On the server',
      body: '<p>Server words.</p>',
      revision: 1,
    })
    expect(draft.base).toMatchObject({
      msgnum,
      title: 'On the server',
      body: '<p>Server words.</p>',
      members: { url: expect.stringContaining(msgnum) },
    })
    expect(typeof draft.base!.msgnum).toBe('string') // as the server sent it
    // Opening it again answers the same draft: local edits are never forked or replaced.
    await app.call('drafts.save', { ...draft, body: '<p>My words.</p>' })
    expect(await app.call('drafts.openFromServer', { accountId: SANDBOX_DG, msgnum })).toMatchObject({
      id: draft.id,
      body: '<p>My words.</p>',
    })
    const job = await publish(draft.id)
    expect(job).toMatchObject({ action: 'discuss.saveMessage', message: { msgnum }, result: { msgnum } })
    expect(await serverCopy()).toMatchObject({ title: 'On the server', body: '<p>My words.</p>' })
    // The base follows what the server now holds, so the next edit is not mistaken for a conflict.
    const after: Draft = await app.call('drafts.get', { id: draft.id })
    expect(after.base).toMatchObject({ msgnum, body: '<p>My words.</p>' })
    await app.call('drafts.save', { ...after, body: '<p>Again.</p>' })
    await publish(draft.id)
    expect((await serverCopy()).body).toBe('<p>Again.</p>')
  })

  it('refuses what cannot be opened, with the cause', async () => {
    const { app } = await scene()
    expect(await app.refusal('drafts.openFromServer', { accountId: SANDBOX_WEBHOST, msgnum: '1' })).toMatchObject({
      kind: 'invalid-input',
      details: { field: 'accountId' },
    })
    expect(await app.refusal('drafts.openFromServer', { accountId: SANDBOX_DG, msgnum: { n: 1 } })).toMatchObject({
      details: { field: 'msgnum' },
    })
    expect(await app.refusal('drafts.openFromServer', { accountId: SANDBOX_DG, msgnum: '999999' })).toMatchObject({
      kind: 'fault',
      message: expect.stringContaining('There is no message "999999"'),
    })
    expect(await app.refusal('drafts.openFromServer', { accountId: 'nobody', msgnum: '1' })).toMatchObject({
      kind: 'not-found',
    })
  })
})

describe('a concurrent edit on the server → conflict → resolve', () => {
  async function conflicted() {
    const s = await scene('Shared', '<p>Original.</p>')
    const draft: Draft = await s.app.call('drafts.openFromServer', { accountId: SANDBOX_DG, msgnum: s.msgnum })
    await s.app.call('drafts.save', { ...draft, title: 'Shared', body: '<p>Mine.</p>' })
    await s.editElsewhere('Shared (edited)', '<p>Theirs.</p>')
    const job = await s.publish(draft.id, 'needs-attention')
    return { ...s, draft, job }
  }

  it('stops before overwriting: the job needs attention, the draft keeps their copy, the server keeps theirs', async () => {
    const { app, draft, job, serverCopy } = await conflicted()
    expect(job.error).toMatchObject({ kind: 'conflict' })
    expect(job.error!.message).toMatch(/changed on the server since you opened it/)
    expect(await serverCopy()).toEqual(expect.objectContaining({ title: 'Shared (edited)', body: '<p>Theirs.</p>' }))
    const d: Draft = await app.call('drafts.get', { id: draft.id })
    expect(d).toMatchObject({
      body: '<p>Mine.</p>',
      conflict: { theirs: { title: 'Shared (edited)', body: '<p>Theirs.</p>' } },
      base: { body: '<p>Original.</p>' },
    })
    expect(await app.refusal('publish.draft', { draftId: draft.id })).toMatchObject({ kind: 'conflict' })
    expect(app.emitted('notification').find((n) => n.level === 'error')).toMatchObject({
      title: `Needs attention: ${job.label}`,
    })
    expect(app.emitted('draft.saved').some((e) => e.id === draft.id && e.revision === d.revision)).toBe(true)
  })

  it("'mine': the next publish overwrites knowingly", async () => {
    const { app, draft, job, publish, serverCopy } = await conflicted()
    const resolved: Draft = await app.call('drafts.resolveConflict', { draftId: draft.id, choice: 'mine' })
    expect(resolved).not.toHaveProperty('conflict')
    expect(resolved).toMatchObject({ body: '<p>Mine.</p>', base: { title: 'Shared (edited)', body: '<p>Theirs.</p>' } })
    await app.settled(job.id, 'cancelled') // the stopped job is not left to be retried with stale words
    await publish(draft.id)
    expect(await serverCopy()).toMatchObject({ title: 'Shared', body: '<p>Mine.</p>' })
  })

  it("'theirs': the draft takes the server's copy", async () => {
    const { app, draft, serverCopy } = await conflicted()
    const resolved: Draft = await app.call('drafts.resolveConflict', { draftId: draft.id, choice: 'theirs' })
    expect(resolved).toMatchObject({
      title: 'Shared (edited)',
      body: '<p>Theirs.</p>',
      format: 'html',
      base: { body: '<p>Theirs.</p>' },
    })
    expect(resolved).not.toHaveProperty('conflict')
    expect(await serverCopy()).toMatchObject({ body: '<p>Theirs.</p>' })
  })

  it("'merged': the given text, published over theirs", async () => {
    const { app, draft, publish, serverCopy } = await conflicted()
    expect(await app.refusal('drafts.resolveConflict', { draftId: draft.id, choice: 'merged' })).toMatchObject({
      kind: 'invalid-input',
    })
    const resolved: Draft = await app.call('drafts.resolveConflict', {
      draftId: draft.id,
      choice: 'merged',
      title: 'Shared, merged',
      body: '<p>Mine.</p><p>Theirs.</p>',
    })
    expect(resolved).toMatchObject({
      title: 'Shared, merged',
      body: '<p>Mine.</p><p>Theirs.</p>',
      base: { body: '<p>Theirs.</p>' },
    })
    await publish(draft.id)
    expect(await serverCopy()).toMatchObject({ title: 'Shared, merged', body: '<p>Mine.</p><p>Theirs.</p>' })
    expect(await app.refusal('drafts.resolveConflict', { draftId: draft.id, choice: 'mine' })).toMatchObject({
      kind: 'invalid-input',
      message: expect.stringContaining('no conflict'),
    })
  })
})

describe('discussion.topics', () => {
  it('lists the newest topics where the server offers getTopics, and refuses what it cannot', async () => {
    const { app, msgnum } = await scene('Topic one', 'x')
    const topics: TopicSummary[] = await app.call('discussion.topics', { accountId: SANDBOX_DG, count: 10 })
    expect(topics).toEqual([
      expect.objectContaining({
        msgnum,
        title: 'Topic one',
        url: expect.stringContaining(msgnum),
        whenCreated: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      }),
    ])
    expect(await app.refusal('discussion.topics', { accountId: SANDBOX_DG, count: 0 })).toMatchObject({
      details: { field: 'count' },
    })
    expect(await app.refusal('discussion.topics', { accountId: SANDBOX_WEBHOST })).toMatchObject({
      kind: 'invalid-input',
    })
  })
})
