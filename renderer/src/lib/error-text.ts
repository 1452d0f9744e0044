import type { AppError } from '../../../shared/errors'

/** Added when the core's sentence names the cause but not what to do. */
const fixes: Partial<Record<AppError['kind'], string>> = {
  auth: 'Check the password for this account (Accounts → Edit).',
  transport: 'Check the server address and your connection; the queue retries on its own.',
  protocol: 'The server answered something that is not XML-RPC: check the server URL (it usually ends in /RPC2).',
  unsupported: 'This server does not offer it.',
  storage: 'Free some disk space or check the data folder’s permissions; nothing typed is lost.',
  locked: 'Another Upstream window or the CLI runs the queue; it is sent from there.',
}

/**
 * The core's message, plus the fix when it doesn't give one. A channel the core doesn't know yet
 * answers not-found "No channel named …": say that plainly instead.
 */
export function errorText(e: AppError, context?: string): string {
  const missing = /^No channel named "([^"]+)"/.exec(e.message)
  if (e.kind === 'not-found' && missing) {
    return `${context ? `${context}: ` : ''}this version of the Upstream core doesn’t offer “${missing[1]}” yet. Update Upstream, or use the CLI meanwhile.`
  }
  const message = e.message.trim()
  const fix = fixes[e.kind]
  const hasFix = /\b(check|try|give|pick|choose|open|wait|use|update|enter|type|set)\b/i.test(message)
  return `${context ? `${context}: ` : ''}${message}${fix && !hasFix ? ` ${fix}` : ''}`
}
