import * as monaco from '../../monaco/monaco-slim'
import type { DraftFormat } from '../../../../shared/model'
import dicUrl from '../../../../node_modules/dictionary-en/index.dic?url'
import SpellWorker from './spell.worker?worker'
import { addPersonalWord, personalWords } from './personal-words'
import type { SpellReply, SpellRequest } from './spell-protocol'

const OWNER = 'spelling'
const DEBOUNCE_MS = 250

/**
 * One worker for the window (the dictionary is built once), checking whichever editor asks.
 * The dictionary files are the app's own assets (bundled by Vite into out/renderer): offline.
 */
let shared: { worker: Worker; ready: Promise<void>; waiting: Map<number, (r: SpellReply) => void> } | null = null
let seq = 0
const ignored = new Set<string>()
const recheck = new Set<() => void>()

function spellWorker() {
  if (shared) return shared
  const worker = new SpellWorker()
  const waiting = new Map<number, (r: SpellReply) => void>()
  const ready = new Promise<void>((resolve, reject) => {
    worker.addEventListener('message', (e: MessageEvent<SpellReply>) => {
      const r = e.data
      if (r.type === 'ready') resolve()
      else if (r.type === 'failed') reject(new Error(r.message))
      else waiting.get(r.seq)?.(r)
    })
  })
  ready.catch(() => {}) // no dictionary: no underlines, never a broken editor
  const send = (m: SpellRequest) => worker.postMessage(m)
  send({
    type: 'load',
    dic: new URL(dicUrl, location.href).href,
    personal: personalWords(),
  })
  shared = { worker, ready, waiting }
  registerActions()
  return shared
}

function ask<T extends SpellReply>(m: SpellRequest & { seq: number }): Promise<T> {
  const s = spellWorker()
  return new Promise((resolve) => {
    s.waiting.set(m.seq, (r) => {
      s.waiting.delete(m.seq)
      resolve(r as T)
    })
    s.worker.postMessage(m)
  })
}

/** Underlines misspelled prose in the editor as the writer types; returns the way to stop. */
export function attachSpellCheck(editor: monaco.editor.IStandaloneCodeEditor, format: DraftFormat): () => void {
  const model = editor.getModel()
  if (!model) return () => {}
  let timer: ReturnType<typeof setTimeout> | undefined
  let latest = 0
  const check = async () => {
    const s = spellWorker()
    await s.ready.catch(() => undefined)
    const mine = (latest = ++seq)
    const version = model.getVersionId()
    const r = await ask<Extract<SpellReply, { type: 'checked' }>>({
      type: 'check',
      seq: mine,
      text: model.getValue(),
      format,
    })
    // A newer check is on its way, or the text moved on: these offsets are stale.
    if (mine !== latest || model.isDisposed() || model.getVersionId() !== version) return
    const markers = r.misspelled
      .filter((w) => !ignored.has(w.word))
      .map((w) => {
        const a = model.getPositionAt(w.start)
        const b = model.getPositionAt(w.end)
        return {
          severity: monaco.MarkerSeverity.Info,
          message: `“${w.word}” is not in the dictionary (English). Ctrl+. for suggestions.`,
          source: 'Spelling',
          code: w.word,
          startLineNumber: a.lineNumber,
          startColumn: a.column,
          endLineNumber: b.lineNumber,
          endColumn: b.column,
        }
      })
    monaco.editor.setModelMarkers(model, OWNER, markers)
  }
  const soon = () => {
    clearTimeout(timer)
    timer = setTimeout(() => void check(), DEBOUNCE_MS)
  }
  const changes = model.onDidChangeContent(soon)
  recheck.add(soon)
  const action = editor.addAction({
    id: 'upstream.spelling',
    label: 'Spelling suggestions',
    contextMenuGroupId: '1_spelling',
    contextMenuOrder: 0,
    keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Period],
    run: (e) => e.trigger('spelling', 'editor.action.quickFix', {}),
  })
  void check()
  return () => {
    clearTimeout(timer)
    changes.dispose()
    action.dispose()
    recheck.delete(soon)
    if (!model.isDisposed()) monaco.editor.setModelMarkers(model, OWNER, [])
  }
}

let actionsRegistered = false

/** Quick fixes on an underlined word: the dictionary's suggestions, "add to dictionary", "ignore". */
function registerActions(): void {
  if (actionsRegistered) return
  actionsRegistered = true
  monaco.editor.registerCommand('upstream.spelling.add', (_a, word: string) => {
    addPersonalWord(word)
    spellWorker().worker.postMessage({ type: 'add', word } satisfies SpellRequest)
    for (const again of recheck) again()
  })
  monaco.editor.registerCommand('upstream.spelling.ignore', (_a, word: string) => {
    ignored.add(word)
    for (const again of recheck) again()
  })
  for (const language of ['html', 'markdown', 'plaintext'])
    monaco.languages.registerCodeActionProvider(language, {
      provideCodeActions: async (model, _range, context) => {
        const actions: monaco.languages.CodeAction[] = []
        for (const marker of context.markers.filter((m) => m.source === 'Spelling').slice(0, 1)) {
          const word = String(marker.code)
          const r = await ask<Extract<SpellReply, { type: 'suggested' }>>({ type: 'suggest', seq: ++seq, word })
          for (const s of r.suggestions)
            actions.push({
              title: s,
              kind: 'quickfix',
              diagnostics: [marker],
              isPreferred: actions.length === 0,
              edit: {
                edits: [{ resource: model.uri, versionId: model.getVersionId(), textEdit: { range: marker, text: s } }],
              },
            })
          if (r.suggestions.length === 0)
            actions.push({ title: 'No suggestions', kind: 'quickfix', disabled: 'The dictionary has nothing close' })
          actions.push({
            title: `Add “${word}” to dictionary`,
            kind: 'quickfix',
            command: { id: 'upstream.spelling.add', title: 'Add to dictionary', arguments: [word] },
          })
          actions.push({
            title: `Ignore “${word}”`,
            kind: 'quickfix',
            command: { id: 'upstream.spelling.ignore', title: 'Ignore', arguments: [word] },
          })
        }
        return { actions, dispose: () => {} }
      },
    })
}
