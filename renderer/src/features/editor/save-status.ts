/** What the status bar says about the open draft. "Saved" only ever follows a confirmed save. */
export type SaveStatus =
  | { kind: 'idle' } // nothing open, or a new draft nobody has typed into
  | { kind: 'saving' } // edits waiting for the debounce, or a save in flight
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string }

export function saveStatusText(s: SaveStatus): string {
  switch (s.kind) {
    case 'idle':
      return 'Not saved yet'
    case 'saving':
      return 'Saving…'
    case 'saved':
      return 'Saved'
    case 'error':
      return `Not saved: ${s.message}`
  }
}
