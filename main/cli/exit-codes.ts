/** The CLI's exit codes (design.md): scripts depend on them. */
export const Exit = {
  ok: 0,
  partial: 2,
  fault: 3,
  transport: 4,
  missingCredentials: 5,
  locked: 6,
  usage: 64,
} as const
