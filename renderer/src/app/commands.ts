import { ariaShortcut, shortcutLabel } from '../lib/platform'

/** Everything the keyboard or the desktop menu can ask for; one list, so they can't drift apart. */
export type Command =
  | 'new-draft'
  | 'save'
  | 'publish'
  | 'search'
  | 'area-write'
  | 'area-queue'
  | 'area-accounts'
  | 'area-inspector'
  | 'area-weblog'

export const commandKeys: Record<Command, string> = {
  'new-draft': 'N',
  save: 'S',
  publish: 'Enter',
  search: 'K',
  'area-write': '1',
  'area-queue': '2',
  'area-accounts': '3',
  'area-inspector': '4',
  'area-weblog': '5',
}

/**
 * Second keys for a command. Ctrl+F searches the drafts everywhere except in the body, where it
 * stays the editor's own find (that is where a writer expects it).
 */
export const alternateKeys: Partial<Record<Command, string>> = { search: 'F' }

export const isCommand = (value: unknown): value is Command =>
  typeof value === 'string' && Object.hasOwn(commandKeys, value)

export const shortcutHint = (command: Command): string => shortcutLabel(commandKeys[command])

/** Props that show a command's shortcut in the tooltip and expose it to assistive tech. */
export function shortcutProps(command: Command, label: string): { title: string; 'aria-keyshortcuts': string } {
  const alt = alternateKeys[command]
  const keys = [commandKeys[command], ...(alt ? [alt] : [])]
  return {
    title: `${label} (${keys.map(shortcutLabel).join(' or ')})`,
    'aria-keyshortcuts': keys.map(ariaShortcut).join(' '),
  }
}

type Handler = (command: Command) => void

/** A tiny pub/sub so the shell, shortcuts, menu and views share commands without prop chains. */
export function createCommandBus(): { emit: Handler; subscribe: (h: Handler) => () => void } {
  const handlers = new Set<Handler>()
  return {
    emit: (command) => handlers.forEach((h) => h(command)),
    subscribe: (h) => (handlers.add(h), () => void handlers.delete(h)),
  }
}

export type CommandBus = ReturnType<typeof createCommandBus>
