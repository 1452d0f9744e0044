/**
 * `--data DIR` or `--data=DIR` from a command line. Chromium may reorder switches it passes to a
 * second instance, so the `=` form is the reliable one; both are accepted.
 */
export function dataFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg.startsWith('--data=')) return arg.slice('--data='.length) || undefined
    if (arg === '--data' && i + 1 < argv.length && !argv[i + 1].startsWith('-')) return argv[i + 1]
  }
  return undefined
}
