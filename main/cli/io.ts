import { readFile } from 'node:fs/promises'

/** What a command may touch of the outside world, so tests run commands in-process with a fake. */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  readStdin(): Promise<Buffer>
  readFile(path: string): Promise<Buffer>
  env: NodeJS.ProcessEnv
}

/** The real one: the process's streams, files and environment. */
export function nodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    async readStdin() {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks)
    },
    readFile: (path) => readFile(path),
    env: process.env,
  }
}
