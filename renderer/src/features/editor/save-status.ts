/** What the status bar says about the open draft. "Saved" only ever follows a confirmed save. */
export type SaveStatus =
  | { kind: 'none' } // no draft open
  | { kind: 'idle' } // a new draft nobody has typed into yet
  | { kind: 'saving' } // edits waiting for the debounce, or a save in flight
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string }

export function saveStatusText(s: SaveStatus): string {
  switch (s.kind) {
    case 'none':
      return ''
    case 'idle':
      return 'New draft'
    case 'saving':
      return 'Saving…'
    case 'saved':
      return 'Saved'
    case 'error':
      // The core's storage errors may already open with "Not saved:"; say it once.
      return `Not saved: ${s.message.replace(/^not saved:?\s*/i, '')}`
  }
}
