/**
 * Passwords live behind this interface (Joplin's pattern): Electron's safeStorage in the desktop
 * app, a 0600 file under plain Node (browser host, CLI) that says plainly it is not encrypted,
 * and an in-memory driver for tests.
 */
export interface SecretsDriver {
  /** True when values are encrypted at rest (safeStorage with a real keyring). */
  readonly encrypted: boolean
  /** One line for people, shown in Accounts: "Stored unencrypted in ~/.config/Upstream/secrets.json". */
  readonly description: string
  get(key: string): Promise<string | undefined>
  set(key: string, value: string): Promise<void>
  delete(key: string): Promise<void>
}

/** The key an account's password is stored under. */
export const passwordKey = (accountId: string): string => `account:${accountId}:password`
