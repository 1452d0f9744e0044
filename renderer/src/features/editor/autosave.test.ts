import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Draft, DraftInput } from '../../../../shared/model'
import type { Result } from '../../../../shared/result'
import { Autosave } from './autosave'
import { newEditorDraft } from './editor-draft'
import type { SaveStatus } from './save-status'

/** A disk that answers when the test says so, recording what it was asked to store. */
function disk() {
  const calls: DraftInput[] = []
  const pending: { input: DraftInput; resolve: (r: Result<Draft>) => void }[] = []
  let revision = 0
  const save = (input: DraftInput) => {
    calls.push(input)
    return new Promise<Result<Draft>>((resolve) => pending.push({ input, resolve }))
  }
  const answer = (ok = true) => {
    const { input, resolve } = pending.shift()!
    if (!ok) return resolve({ ok: false, error: { kind: 'storage', message: 'The disk is full.' } })
    revision++
    resolve({
      ok: true,
      value: {
        ...input,
        id: input.id ?? 'd1',
        accountId: null,
        createdAt: '',
        updatedAt: `t${revision}`,
        revision,
        published: [],
      } as Draft,
    })
  }
  return { calls, pending, save, answer }
}

const settle = () => vi.advanceTimersByTimeAsync(0)

describe('Autosave', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  async function started() {
    const d = disk()
    const statuses: SaveStatus[] = []
    const a = new Autosave({
      save: d.save,
      onChange: (_, s) => statuses.push(s),
      onSaved: () => {},
      debounceMs: 800,
      retryMs: 10_000,
    })
    await a.replace(async () => ({ ok: true, value: newEditorDraft('acc') }))
    return { a, d, statuses }
  }

  it('saves once after a pause in typing and says Saved only after the disk confirmed', async () => {
    const { a, d } = await started()
    a.edit({ title: 'H' })
    a.edit({ title: 'Hello' })
    await vi.advanceTimersByTimeAsync(799)
    expect(d.calls).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(d.calls).toHaveLength(1)
    expect(a.isDirty()).toBe(true)
    d.answer()
    await settle()
    expect(a.isDirty()).toBe(false)
    expect(a.current?.id).toBe('d1')
  })

  it('sends the id from the first save with every later one, even when typing went on meanwhile', async () => {
    const { a, d } = await started()
    a.edit({ body: 'one' })
    await vi.advanceTimersByTimeAsync(800)
    a.edit({ body: 'one two' }) // typed while the first save is in flight
    await vi.advanceTimersByTimeAsync(800)
    expect(d.calls).toHaveLength(1) // saves never overlap
    d.answer()
    await settle()
    expect(d.calls).toHaveLength(2)
    expect(d.calls[1]).toMatchObject({ id: 'd1', body: 'one two' })
    d.answer()
    await settle()
    expect(a.isDirty()).toBe(false)
  })

  it('keeps the words and reports why when the save fails, then retries', async () => {
    const { a, d, statuses } = await started()
    a.edit({ body: 'precious' })
    await vi.advanceTimersByTimeAsync(800)
    d.answer(false)
    await settle()
    expect(statuses.at(-1)).toEqual({ kind: 'error', message: 'The disk is full.' })
    expect(a.current?.body).toBe('precious')
    expect(a.isDirty()).toBe(true)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(d.calls).toHaveLength(2)
    d.answer()
    await settle()
    expect(statuses.at(-1)?.kind).toBe('saved')
  })

  it('refuses to open another draft while the current one cannot be saved', async () => {
    const { a, d } = await started()
    a.edit({ body: 'unsaved' })
    const opening = a.replace(async () => ({ ok: true, value: newEditorDraft(null) }))
    await settle()
    d.answer(false)
    const r = await opening
    expect(r.ok).toBe(false)
    expect(a.current?.body).toBe('unsaved')
  })

  it('does not save a new draft nobody typed into, unless asked to', async () => {
    const { a, d } = await started()
    a.amend({ accountId: 'sandbox' })
    await vi.advanceTimersByTimeAsync(5_000)
    expect(d.calls).toHaveLength(0)
    void a.saveNow()
    await settle()
    expect(d.calls).toHaveLength(1)
    expect(d.calls[0]).toMatchObject({ accountId: 'sandbox', relativePath: 'untitled.html' })
  })
})
