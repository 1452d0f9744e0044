import type { DraftFormat } from './model'

/** One kept version of a draft's text (main/store/draft-history.ts), as the history lists it. */
export interface DraftVersion {
  /** `<revision>-<hash>-<saved ms>[-p]`: the file's name, what `drafts.version` takes. */
  key: string
  revision: number
  /** When this text was saved. */
  at: string
  title: string
  chars: number
  /** This text was published (a publish was recorded while it was the draft's text). */
  published: boolean
}

export interface DraftVersionText extends DraftVersion {
  body: string
  format: DraftFormat
}
