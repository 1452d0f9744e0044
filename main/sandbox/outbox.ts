import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Member } from './members'
import { writeFileAtomic } from './state-file'

/**
 * mailPasswordToUser's mail, written to <dir>/outbox/ instead of being sent: a sandbox has no mail
 * server, and a tester wants to see what went out. The sandbox keeps only the MD5 digest, so the
 * mail cannot contain the password; it says how to set a new one. Returns the file's name.
 */
export async function writePasswordMail(
  dir: string,
  member: Member,
  title: string,
  baseUrl: string,
  now: Date,
): Promise<string> {
  const name = `${now.toISOString().replace(/[:.]/g, '-')}-${member.usernum}.eml`
  const mail = [
    `To: ${member.name} <${member.email}>`,
    `From: ${title} <sandbox@127.0.0.1>`,
    `Subject: Your password on ${title}`,
    `Date: ${now.toUTCString()}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Hello ${member.name},`,
    '',
    `Someone asked ${baseUrl} to mail you your password.`,
    'This server keeps only an MD5 digest of it, so it cannot tell you what it was.',
    '',
    `Your e-mail address: ${member.email}`,
    `Your usernum: ${member.usernum}`,
    '',
    'To choose a new password, restart the sandbox with:',
    `  upstream sandbox --user ${member.email}:NEWPASSWORD`,
    '',
  ].join('\r\n')
  await writeFileAtomic(join(dir, 'outbox', name), mail)
  await pruneOutbox(join(dir, 'outbox'))
  return name
}

/** Mails kept: enough to read what went out lately; the oldest go first. */
export const MAX_OUTBOX_MAILS = 100

async function pruneOutbox(folder: string): Promise<void> {
  const mails = (await readdir(folder)).filter((n) => n.endsWith('.eml')).sort()
  for (const old of mails.slice(0, Math.max(0, mails.length - MAX_OUTBOX_MAILS)))
    await rm(join(folder, old), { force: true })
}
