/// <reference lib="webworker" />
// Hunspell (nspell) off the main thread: building the dictionary and checking a 20,000-word draft
// take far longer than a frame, and the writer must never feel it while typing.
import NSpell from 'nspell'
// The affix rules are small (3 kB): inside the worker; the word list (550 kB) is an asset it fetches.
import aff from '../../../../node_modules/dictionary-en/index.aff?raw'
import { proseWords } from './prose-words'
import type { SpellReply, SpellRequest } from './spell-protocol'

let spell: ReturnType<typeof NSpell> | null = null
const known = new Map<string, boolean>() // a word's verdict, so a re-check after one keystroke is cheap
const say = (r: SpellReply) => postMessage(r)

onmessage = async (e: MessageEvent<SpellRequest>) => {
  const m = e.data
  if (m.type === 'load') {
    try {
      const res = await fetch(m.dic)
      if (!res.ok) throw new Error(`HTTP ${res.status}`)
      const dic = await res.text()
      spell = NSpell(aff, dic)
      for (const w of m.personal) spell.add(w)
      say({ type: 'ready' })
    } catch (err) {
      say({ type: 'failed', message: `The dictionary could not be loaded (${String(err)}).` })
    }
  } else if (m.type === 'add') {
    spell?.add(m.word)
    known.set(m.word, true)
  } else if (!spell) return
  else if (m.type === 'check') {
    const s = spell
    const misspelled = proseWords(m.text, m.format).filter(({ word }) => {
      let ok = known.get(word)
      if (ok === undefined) known.set(word, (ok = s.correct(word)))
      return !ok
    })
    say({ type: 'checked', seq: m.seq, misspelled })
  } else if (m.type === 'suggest')
    say({ type: 'suggested', seq: m.seq, suggestions: spell.suggest(m.word).slice(0, 6) })
}
