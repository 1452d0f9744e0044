import type { DraftFormat } from '../../../../shared/model'
import type { ProseWord } from './prose-words'

/** Messages to the spelling worker. */
export type SpellRequest =
  | { type: 'load'; dic: string; personal: string[] }
  | { type: 'check'; seq: number; text: string; format: DraftFormat }
  | { type: 'suggest'; seq: number; word: string }
  | { type: 'add'; word: string }

/** And back. */
export type SpellReply =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'checked'; seq: number; misspelled: ProseWord[] }
  | { type: 'suggested'; seq: number; suggestions: string[] }
