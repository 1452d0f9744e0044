#!/usr/bin/env node
import { main } from './main'
import { nodeIo } from './io'

main(process.argv.slice(2), nodeIo()).then(
  (code) => {
    // Long-running commands (serve, sandbox) resolve only when they stop.
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`upstream: internal error: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = 70
  },
)
