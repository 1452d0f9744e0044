import type { Command } from './commands'

export type Area = 'write' | 'queue' | 'accounts' | 'inspector' | 'weblog'

export const areas: { id: Area; label: string; command: Command; icon: string }[] = [
  { id: 'write', label: 'Write', command: 'area-write', icon: '✎' },
  { id: 'queue', label: 'Publish queue', command: 'area-queue', icon: '⇡' },
  { id: 'accounts', label: 'Accounts', command: 'area-accounts', icon: '◉' },
  { id: 'inspector', label: 'Inspector', command: 'area-inspector', icon: '⇄' },
  { id: 'weblog', label: 'Weblog', command: 'area-weblog', icon: '☰' },
]

export const areaForCommand = (c: Command): Area | null => areas.find((a) => a.command === c)?.id ?? null
