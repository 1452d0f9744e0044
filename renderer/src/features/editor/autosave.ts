import type { Draft, DraftInput } from '../../../../shared/model'
import type { Result } from '../../../../shared/result'
import { toInput, type EditorDraft } from './editor-draft'
import type { SaveStatus } from './save-status'

/** null = there was nothing to save. */
export type FlushResult = Result<Draft> | null

export interface AutosaveOptions {
  save: (input: DraftInput) => Promise<Result<Draft>>
  /** Every change of the open draft or its save status. */
  onChange: (draft: EditorDraft | null, status: SaveStatus) => void
  onSaved: (draft: Draft) => void
  debounceMs?: number
  retryMs?: number
}

/**
 * The open draft and its autosave, free of React so it can be tested on its own. Edits are
 * counted; each save records which edit it covered, so the draft is clean only once the last edit
 * is confirmed on disk. Saves run one at a time: the first save of a new draft returns the id that
 * every later save needs.
 */
export class Autosave {
  private draft: EditorDraft | null = null
  private status: SaveStatus = { kind: 'none' }
  private edits = 0
  private saved = 0
  private inFlight = false
  private chain: Promise<unknown> = Promise.resolve()
  private timer: ReturnType<typeof setTimeout> | undefined
  private ticket = 0

  constructor(private readonly o: AutosaveOptions) {}

  get current(): EditorDraft | null {
    return this.draft
  }
  isDirty = (): boolean => this.edits !== this.saved
  /** Clean and not saving: what's on screen is what's on disk. */
  isSettled = (): boolean => !this.isDirty() && !this.inFlight

  /** A change by the user: shown now, saved after a pause in typing. */
  edit(patch: Partial<EditorDraft>): void {
    if (!this.draft) return
    this.edits++
    this.set({ ...this.draft, ...patch }, { kind: 'saving' })
    this.schedule(this.o.debounceMs ?? 800)
  }

  /** A default filled in by the app, not the user: saved with the next edit, not on its own. */
  amend(patch: Partial<EditorDraft>): void {
    if (this.draft) this.set({ ...this.draft, ...patch }, this.status)
  }

  /** Saves whatever is unsaved; resolves once the draft is clean or a save failed. */
  flush = (): Promise<FlushResult> => {
    clearTimeout(this.timer)
    const run = this.chain.then(async () => {
      let last: FlushResult = null
      while (this.draft && this.isDirty()) {
        last = await this.saveOnce()
        if (!last.ok) break
      }
      return last
    })
    this.chain = run.catch(() => undefined)
    return run
  }

  /** Ctrl+S also saves a new, untouched draft: the user asked for it. */
  saveNow(): Promise<FlushResult> {
    if (this.draft && !this.draft.id && !this.isDirty()) this.edits++
    return this.flush()
  }

  /** Opens another draft, but only once the current one is safely saved; the latest call wins. */
  async replace(load: () => Promise<Result<EditorDraft>>): Promise<Result<null>> {
    const mine = ++this.ticket
    const before = await this.flush()
    if (before && !before.ok) return { ok: false, error: before.error }
    const next = await load()
    if (!next.ok) return next
    if (mine !== this.ticket) return { ok: true, value: null }
    const after = await this.flush() // words typed into the old draft while loading
    if (after && !after.ok) return { ok: false, error: after.error }
    if (mine !== this.ticket) return { ok: true, value: null }
    this.saved = this.edits
    this.set(next.value, next.value.id ? { kind: 'saved', at: new Date().toISOString() } : { kind: 'idle' })
    return { ok: true, value: null }
  }

  dispose(): void {
    clearTimeout(this.timer)
  }

  private async saveOnce(): Promise<Result<Draft>> {
    const covered = this.edits
    this.set(this.draft, { kind: 'saving' })
    this.inFlight = true
    const r = await this.o.save(toInput(this.draft!)).finally(() => (this.inFlight = false))
    if (!r.ok) {
      this.set(this.draft, { kind: 'error', message: r.error.message })
      this.schedule(this.o.retryMs ?? 10_000) // the disk may come back; the next edit retries too
      return r
    }
    this.saved = covered
    const { id, revision, published } = r.value
    this.set(
      { ...this.draft!, id, revision, published },
      this.isDirty() ? { kind: 'saving' } : { kind: 'saved', at: r.value.updatedAt },
    )
    this.o.onSaved(r.value)
    return r
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.flush(), ms)
  }

  private set(draft: EditorDraft | null, status: SaveStatus): void {
    this.draft = draft
    this.status = status
    this.o.onChange(draft, status)
  }
}
