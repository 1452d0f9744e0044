import type { SecretsDriver } from './secrets'

/** Secrets for tests: nothing touches the disk; `values` lets a test look at what was stored. */
export function memorySecrets(
  initial: Record<string, string> = {},
): SecretsDriver & { readonly values: Map<string, string> } {
  const values = new Map(Object.entries(initial))
  return {
    encrypted: false,
    description: 'Kept in memory only (tests)',
    values,
    get: async (key) => values.get(key),
    set: async (key, value) => {
      values.set(key, value)
    },
    delete: async (key) => {
      values.delete(key)
    },
  }
}
