import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'

/**
 * `upstream serve` prints a fresh single-use launch address when asked: a line on standard input
 * (press Enter in its terminal) or SIGUSR2 (`kill -USR2 <pid>`, for a server started in the
 * background). SIGUSR1 is left alone: Node reserves it for its debugger. Returns stop().
 */
export function launchUrlOnDemand(print: () => void, input: Readable = process.stdin): () => void {
  const lines = createInterface({ input, terminal: false })
  lines.on('line', print)
  // Standard input closed (or /dev/null): the signal still works.
  lines.on('error', () => {})
  process.on('SIGUSR2', print)
  return () => {
    process.off('SIGUSR2', print)
    lines.close()
    if (input === process.stdin) process.stdin.destroy()
  }
}
