import { resolveDataDir } from '../app/core/data-dir'
import { SiteDataError } from '../weblog/site-data-error'
import { siteStatus } from '../weblog/site-status'
import { SiteBusyError, syncSite } from '../weblog/site-sync'
import { createXmlRpcClient } from '../xmlrpc/client'
import { toAppError } from '../xmlrpc/to-app-error'
import { Exit } from './exit-codes'
import { parseFlags } from './flags'
import type { CliIo } from './io'
import { findSiteAccount } from './site-account'
import { exitForError, exitForReport, SITE_DATA_ERROR } from './site-exit'
import { missingPasswordMessage, sitePassword } from './site-password'
import { statusText, syncText } from './site-text'

export const SITE_HELP = `Usage: upstream site sync --account NAME [--dry-run] [--password-stdin] [--data DIR] [--json]
       upstream site status --account NAME [--data DIR] [--json]

sync    renders the account's weblog (when it has posts) and upstreams only what changed in its
        site folder: deletions, then uploads in size-capped saveMultipleFiles calls; files over
        the server's limits are reported, not sent; pings weblogUpdates after the home page.
        --dry-run shows exactly what would be uploaded and deleted, and sends nothing.
        The password comes from the secrets store when this process can read it, else from
        standard input with --password-stdin.
status  what the server has and what a sync would send, from local files only (no password).

Exit: 0 ok, 2 partial success, 3 the server refused, 4 transport/protocol/limit error,
      5 no password, 6 another process is syncing this site, 64 usage, 65 a broken template or post.
`

/** `upstream site sync|status`. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.stdout(SITE_HELP)
    return sub === undefined ? Exit.usage : Exit.ok
  }
  if (sub !== 'sync' && sub !== 'status') return usage(io, `unknown subcommand "${sub}"`)
  const flags = parseFlags(rest, {
    account: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'password-stdin': { type: 'boolean' },
    data: { type: 'string' },
    json: { type: 'boolean' },
  })
  if (!flags.ok) return usage(io, flags.message)
  if (flags.positionals.length > 0) return usage(io, `unexpected argument "${flags.positionals[0]}"`)
  const { account: name, data, json = false } = flags.values
  if (!name) return usage(io, '--account NAME is required')
  if (sub === 'status' && (flags.values['dry-run'] || flags.values['password-stdin']))
    return usage(io, 'status takes only --account, --data and --json')
  const dataDir = resolveDataDir(data, io.env)
  const found = findSiteAccount(dataDir, name)
  if (!found.ok) return usage(io, found.message)
  const account = found.account
  const out = (text: string, value: unknown) => io.stdout(json ? JSON.stringify(value, null, 2) + '\n' : text)
  try {
    if (sub === 'status') {
      const status = await siteStatus(dataDir, account)
      out(statusText(status), status)
      return Exit.ok
    }
    const fromStdin = flags.values['password-stdin'] ?? false
    const password = await sitePassword(dataDir, account.id, fromStdin, io)
    if (password === undefined) {
      io.stderr(`upstream site sync: ${missingPasswordMessage(account.name, dataDir, fromStdin)}\n`)
      return Exit.missingCredentials
    }
    const report = await syncSite({
      dataDir,
      account,
      password,
      dryRun: flags.values['dry-run'] ?? false,
      clientFor: (url) => createXmlRpcClient(url),
    })
    const code = exitForReport(report)
    out(syncText(report), { ...report, status: code === Exit.ok ? 'ok' : code === Exit.partial ? 'partial' : 'failed' })
    if (report.stop) io.stderr(`upstream site sync: ${report.stop.error.message}\n`)
    return code
  } catch (e) {
    if (e instanceof SiteDataError) {
      io.stderr(`upstream site ${sub}: ${e.message}\n`)
      return SITE_DATA_ERROR
    }
    const error =
      e instanceof SiteBusyError ? e.toAppError() : toAppError(e, { url: account.url, account: account.name })
    if (json) io.stdout(JSON.stringify({ error }) + '\n')
    io.stderr(`upstream site ${sub}: ${error.message}\n`)
    return exitForError(error)
  }
}

function usage(io: CliIo, message: string): number {
  io.stderr(`upstream site: ${message}\n${SITE_HELP}`)
  return Exit.usage
}
