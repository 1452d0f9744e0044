import { join } from 'node:path'
import type { Draft } from '../../shared/model'
import { atomicWrite } from './atomic-write'
import { keepAside } from './corrupt-aside'
import { draftProblem, isDraftId } from './draft-shape'
import type { FsLayer } from './fs-layer'
import { isPidAlive } from './pid-alive'
import { diskError, StoreError } from './store-error'
import { parseTempName } from './temp-names'

/** A draft file that could not be used: skipped, reported, kept (renamed aside when damaged). */
export interface DraftProblem {
  id: string
  file: string
  reason: string
  /** Where the damaged file was moved; unset when moving it failed (then it is left in place). */
  keptAs?: string
}

/** A draft, nothing (no such file), or a damaged file that was reported and moved aside. */
export type DraftRead = { draft: Draft; problem?: undefined } | { draft?: undefined; problem?: DraftProblem }

// Strict: a file with invalid UTF-8 is damaged, not text with U+FFFD where the bytes were.
const utf8 = new TextDecoder('utf-8', { fatal: true })

/** `drafts/<id>.json`: one file per draft, read strictly, written atomically. */
export class DraftFiles {
  constructor(
    private readonly fs: FsLayer,
    readonly dir: string,
    private readonly report: (problem: DraftProblem) => void,
    private readonly now: () => Date,
  ) {}

  path(id: string): string {
    return join(this.dir, `${id}.json`)
  }

  /** Never returns a damaged file as a draft: it is reported and renamed aside instead. */
  async read(id: string): Promise<DraftRead> {
    if (!isDraftId(id)) return {}
    const file = this.path(id)
    let bytes: Uint8Array
    try {
      bytes = await this.fs.readFile(file)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {}
      // Unreadable is not damaged (the disk may come back): leave the file where it is.
      throw diskError(e, { lead: 'Could not read the draft', keeps: 'the file was left as it is' })
    }
    let text: string
    let value: unknown
    try {
      text = utf8.decode(bytes)
    } catch {
      return this.damaged(id, file, 'it is not valid UTF-8 text')
    }
    try {
      value = JSON.parse(text)
    } catch {
      return this.damaged(id, file, 'it is not valid JSON (cut short or overwritten)')
    }
    const problem = draftProblem(value, id)
    return problem === null ? { draft: value as Draft } : this.damaged(id, file, problem)
  }

  async write(draft: Draft): Promise<void> {
    await atomicWrite(this.fs, this.path(draft.id), `${JSON.stringify(draft, null, 2)}\n`)
  }

  /** Ids of the draft files present; removes temp files that a crashed writer left behind. */
  async ids(): Promise<string[]> {
    const names = await this.fs.readdir(this.dir).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return [] as string[]
      throw diskError(e, { lead: 'Could not list the drafts', keeps: 'nothing was changed' })
    })
    const ids: string[] = []
    for (const name of names) {
      const temp = parseTempName(name)
      // Only a dead writer's leftovers: a live process (this one included) may be mid-save.
      if (temp && temp.pid !== process.pid && !isPidAlive(temp.pid))
        await this.fs.unlink(join(this.dir, name)).catch(() => {})
      const m = /^([A-Za-z0-9_-]+)\.json$/.exec(name)
      if (m && isDraftId(m[1])) ids.push(m[1])
    }
    return ids
  }

  private async damaged(id: string, file: string, reason: string): Promise<DraftRead> {
    let keptAs: string
    try {
      keptAs = await keepAside(this.fs, file, this.now())
    } catch (e) {
      // Left in place, so the next save must not go ahead and replace it: fail loudly instead.
      this.report({ id, file, reason })
      const code = (e as NodeJS.ErrnoException).code ?? 'EUNKNOWN'
      throw new StoreError(
        'storage',
        code,
        `The draft file ${file} is damaged (${reason}) and could not be moved aside (${code}); nothing was changed.`,
      )
    }
    const problem = { id, file, reason, keptAs }
    this.report(problem)
    return { problem }
  }
}
