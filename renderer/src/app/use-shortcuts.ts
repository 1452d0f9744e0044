import { useEffect } from 'react'
import { primaryHeld } from '../lib/platform'
import { alternateKeys, commandKeys, type Command } from './commands'

const byKey = new Map(Object.entries(commandKeys).map(([command, key]) => [key.toLowerCase(), command as Command]))
const byAlternate = new Map(
  Object.entries(alternateKeys).map(([command, key]) => [key.toLowerCase(), command as Command]),
)

const inMonaco = (target: EventTarget | null) => target instanceof Element && target.closest('.monaco-editor') !== null

/**
 * App-wide shortcuts. Listening in the capture phase lets them win over Monaco, which would
 * otherwise take Ctrl+Enter ("insert line below") and Ctrl+K (chord prefix) for itself. While a
 * modal dialog is open, the window behind it is inert, and so are its shortcuts.
 */
export function useShortcuts(emit: (command: Command) => void): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!primaryHeld(e) || e.shiftKey) return
      if (document.querySelector('dialog[open]')) return
      const key = e.key.toLowerCase()
      const command = byKey.get(key) ?? (inMonaco(e.target) ? undefined : byAlternate.get(key))
      if (!command) return
      e.preventDefault()
      e.stopPropagation()
      if (!e.repeat) emit(command) // a held Ctrl+S saves once, but never opens the browser's dialog
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [emit])
}
