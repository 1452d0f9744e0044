import { passwordKey } from '../store/secrets'
import { fileSecrets } from '../store/secrets-file'
import type { CliIo } from './io'

/**
 * The account's password: from standard input when --password-stdin says so, else from the
 * secrets store when this process can read it (the desktop app's entries are encrypted with the
 * OS keyring, which a CLI cannot open). Undefined when neither way has one.
 */
export async function sitePassword(
  dataDir: string,
  accountId: string,
  fromStdin: boolean,
  io: CliIo,
): Promise<string | undefined> {
  if (fromStdin) {
    // One line, as `echo secret |` or a password manager's pipe sends it.
    const text = (await io.readStdin()).toString('utf8').replace(/\r?\n$/, '')
    return text === '' ? undefined : text
  }
  return fileSecrets(dataDir).get(passwordKey(accountId))
}

export function missingPasswordMessage(accountName: string, dataDir: string, triedStdin: boolean): string {
  if (triedStdin) return `--password-stdin was given but standard input held no password for "${accountName}".`
  return [
    `no password for "${accountName}" that this process can read.`,
    `  • The secrets store (${dataDir}/secrets.json) has none this process can decrypt: the desktop app keeps passwords encrypted with the OS keyring.`,
    '  • Or pass it on standard input: … | upstream site sync --account NAME --password-stdin',
  ].join('\n')
}
