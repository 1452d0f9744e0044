/** The CLI's exit codes (docs/architecture.md): scripts depend on them. */
export const Exit = {
  ok: 0,
  partial: 2,
  fault: 3,
  transport: 4,
  missingCredentials: 5,
  locked: 6,
  /** The data folder cannot be written (read-only, full disk, permissions): sysexits' EX_CANTCREAT. */
  dataFolder: 73,
  usage: 64,
} as const
