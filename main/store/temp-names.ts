import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'

/**
 * Names for the short-lived files beside a target: `.tmp` (new bytes on their way in) and `.prev`
 * (a second name for the previous version, kept until the new one is durable). Dot-prefixed so
 * they never look like a draft, and carrying the writer's pid so a sweep can tell a dead writer's
 * leftovers from a file another live process is writing right now.
 */
export type TempKind = 'tmp' | 'prev'

export function tempPath(target: string, kind: TempKind, pid = process.pid): string {
  return join(dirname(target), `.${basename(target)}.${pid}-${randomBytes(4).toString('hex')}.${kind}`)
}

const pattern = /^\.(.+)\.(\d+)-[0-9a-f]{8}\.(tmp|prev)$/

export function parseTempName(name: string): { target: string; pid: number; kind: TempKind } | null {
  const m = pattern.exec(name)
  return m ? { target: m[1], pid: Number(m[2]), kind: m[3] as TempKind } : null
}
