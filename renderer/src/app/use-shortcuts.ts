import { useEffect } from 'react'
import { primaryHeld } from '../lib/platform'
import { commandKeys, type Command } from './commands'

const byKey = new Map(Object.entries(commandKeys).map(([command, key]) => [key.toLowerCase(), command as Command]))

/**
 * App-wide shortcuts. Listening in the capture phase lets them win over Monaco, which would
 * otherwise take Ctrl+Enter ("insert line below") and Ctrl+K (chord prefix) for itself.
 */
export function useShortcuts(emit: (command: Command) => void): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!primaryHeld(e) || e.shiftKey) return
      const command = byKey.get(e.key.toLowerCase())
      if (!command) return
      e.preventDefault()
      e.stopPropagation()
      if (!e.repeat) emit(command) // a held Ctrl+S saves once, but never opens the browser's dialog
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [emit])
}
