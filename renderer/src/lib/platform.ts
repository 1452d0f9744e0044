/** macOS uses ⌘ where everyone else uses Ctrl; labels and handlers follow the platform. */
export const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)

/** The primary modifier was held (⌘ on macOS, Ctrl elsewhere), and no other. */
export function primaryHeld(e: KeyboardEvent): boolean {
  return (isMac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey) && !e.altKey
}

/** For people: "Ctrl+S" / "⌘S". */
export function shortcutLabel(key: string): string {
  return isMac ? `⌘${key}` : `Ctrl+${key}`
}

/** For assistive tech (aria-keyshortcuts): "Control+S" / "Meta+S". */
export function ariaShortcut(key: string): string {
  return `${isMac ? 'Meta' : 'Control'}+${key}`
}
