import { constants } from 'node:os'
import type { FsFile, FsLayer } from '../fs-layer'

export type FsOp = keyof FsLayer

export interface FsCall {
  op: FsOp
  path: string
  /** rename and link: the destination. */
  to?: string
  /** Set when the call settles: 'ok' or the error code. Unset means still running. */
  outcome?: string
}

type Match = (call: FsCall) => boolean

/** A failure errno-shaped like Node's own, so code under test cannot tell it from a real one. */
export function fsError(code: string, op: string, path: string): NodeJS.ErrnoException {
  const errno = (constants.errno as Record<string, number>)[code]
  return Object.assign(new Error(`${code}: injected fault, ${op} '${path}'`), {
    code,
    errno: errno === undefined ? undefined : -errno,
    syscall: op,
    path,
  })
}

/**
 * Wraps a real FsLayer for tests: records every call in order, fails chosen calls with an errno
 * code, and holds chosen calls until released (to observe what has happened before a step ends).
 */
export function faultyFs(inner: FsLayer) {
  const calls: FsCall[] = []
  const faults: { op: FsOp; code: string; match: Match; times: number }[] = []
  const holds: { op: FsOp; match: Match; gate: Promise<void>; reached: () => void }[] = []

  async function run<T>(call: FsCall, real: () => Promise<T>): Promise<T> {
    calls.push(call)
    const hold = holds.find((h) => h.op === call.op && h.match(call))
    if (hold) {
      holds.splice(holds.indexOf(hold), 1)
      hold.reached()
      await hold.gate
    }
    const fault = faults.find((f) => f.op === call.op && f.times > 0 && f.match(call))
    try {
      if (fault) {
        fault.times -= 1
        // A failed close still frees the descriptor (POSIX on Linux), so the real file is closed.
        if (call.op === 'close') await real().catch(() => {})
        throw fsError(fault.code, call.op, call.path)
      }
      const value = await real()
      call.outcome = 'ok'
      return value
    } catch (e) {
      call.outcome = (e as NodeJS.ErrnoException).code ?? 'error'
      throw e
    }
  }

  const fs: FsLayer = {
    open: (path, flags, mode) => run({ op: 'open', path }, () => inner.open(path, flags, mode)),
    write: (file: FsFile, data) => run({ op: 'write', path: file.path }, () => inner.write(file, data)),
    fsync: (file) => run({ op: 'fsync', path: file.path }, () => inner.fsync(file)),
    close: (file) => run({ op: 'close', path: file.path }, () => inner.close(file)),
    rename: (from, to) => run({ op: 'rename', path: from, to }, () => inner.rename(from, to)),
    link: (existing, to) => run({ op: 'link', path: existing, to }, () => inner.link(existing, to)),
    fsyncDir: (dir) => run({ op: 'fsyncDir', path: dir }, () => inner.fsyncDir(dir)),
    readFile: (path) => run({ op: 'readFile', path }, () => inner.readFile(path)),
    readdir: (dir) => run({ op: 'readdir', path: dir }, () => inner.readdir(dir)),
    unlink: (path) => run({ op: 'unlink', path }, () => inner.unlink(path)),
    mkdir: (dir) => run({ op: 'mkdir', path: dir }, () => inner.mkdir(dir)),
    stat: (path) => run({ op: 'stat', path }, () => inner.stat(path)),
  }

  return {
    fs,
    calls,
    /** The next `times` calls of `op` matching `match` fail with `code`. */
    fail(op: FsOp, code: string, match: Match = () => true, times = 1): void {
      faults.push({ op, code, match, times })
    },
    /** The next call of `op` matching `match` waits; `reached` resolves once it is waiting. */
    hold(op: FsOp, match: Match = () => true): { reached: Promise<void>; release: () => void } {
      let release!: () => void
      let reached!: () => void
      const gate = new Promise<void>((r) => (release = r))
      const reachedP = new Promise<void>((r) => (reached = r))
      holds.push({ op, match, gate, reached })
      return { reached: reachedP, release }
    },
    clear(): void {
      calls.length = 0
      faults.length = 0
    },
  }
}

export type FaultyFs = ReturnType<typeof faultyFs>
