import type { CliIo } from '../io'

/** An in-memory CliIo for tests: collects output, serves stdin and files from memory. */
export function fakeIo(
  options: { stdin?: string | Buffer; files?: Record<string, string | Buffer>; env?: NodeJS.ProcessEnv } = {},
) {
  const out: string[] = []
  const err: string[] = []
  let stdinReads = 0
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    async readStdin() {
      stdinReads++
      return Buffer.from(options.stdin ?? '')
    },
    async readFile(path) {
      const content = options.files?.[path]
      if (content === undefined)
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' })
      return Buffer.from(content)
    },
    env: options.env ?? {},
  }
  return {
    io,
    stdout: () => out.join(''),
    stderr: () => err.join(''),
    stdinReads: () => stdinReads,
  }
}
