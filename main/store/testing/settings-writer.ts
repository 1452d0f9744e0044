/**
 * One of several processes hammering one data folder's settings and secrets (two-process tests):
 * `node settings-writer.mjs DATA TAG N` adds accounts TAG-0 … TAG-(N-1), each with a password,
 * through one long-lived store, as a running app would (its copy goes stale as the others write).
 */
import { fileSecrets } from '../secrets-file'
import { openSettings } from '../settings'

const [dataDir, tag, n] = process.argv.slice(2)
const settings = openSettings(dataDir)
const secrets = fileSecrets(dataDir)
for (let i = 0; i < Number(n); i++) {
  const id = `${tag}-${i}`
  await secrets.set(`account:${id}:password`, `pw-${id}`)
  await settings.update((s) => {
    s.accounts.push({ id, kind: 'webhost', name: id, url: 'http://127.0.0.1:9/RPC2', username: 'u' })
  })
}
