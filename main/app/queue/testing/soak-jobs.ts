import type { Account, Job } from '../../../../shared/model'
import { newJob } from '../../../queue/new-job'

/** Why a job of the soak is expected to end in needs-attention (or undefined: it must end done). */
export type Injected = 'auth' | 'permanent' | undefined

export interface SoakJob {
  job: Job
  injected: Injected
}

/** The mix: mostly new posts and replies, some edits (saveMessage), some two-file page uploads. */
export function soakJobs(
  n: number,
  seed: number,
  accounts: Account[],
  badLogin: Account,
  seeds: Map<string, string>,
): SoakJob[] {
  const out: SoakJob[] = []
  for (let i = 0; i < n; i++) {
    const title = `soak ${seed}-${i}`
    const body = `Body of post ${i} (seed ${seed}).\nSecond line — ünïcödé & <markup> kept.\n${'x'.repeat(i % 7)}`
    const account = i % 50 === 25 ? badLogin : accounts[i % accounts.length]
    const base = { draftId: `draft-${i}`, accountId: account.id }
    if (i % 50 === 25) {
      out.push({
        job: newJob({ ...base, action: 'discuss.newMessage', label: title, message: { title, body, inResponseTo: 0 } }),
        injected: 'auth',
      })
    } else if (i % 50 === 40) {
      // A reply to a message the server does not have: a permanent fault, the server's words shown.
      out.push({
        job: newJob({
          ...base,
          action: 'discuss.newMessage',
          label: title,
          message: { title, body, inResponseTo: '999999' },
        }),
        injected: 'permanent',
      })
    } else if (i % 10 === 7) {
      const msgnum = seeds.get(account.id)!
      out.push({
        job: newJob({
          ...base,
          action: 'discuss.saveMessage',
          label: title,
          message: { title, body, inResponseTo: 0, msgnum },
        }),
        injected: undefined,
      })
    } else if (i % 10 === 8) {
      out.push({
        job: newJob({
          ...base,
          accountId: `${account.id}-web`,
          action: 'webhost.put',
          label: title,
          files: [`soak/${i}/index.html`, `soak/${i}/more.html`],
        }),
        injected: undefined,
      })
    } else {
      const inResponseTo = i % 10 === 9 ? seeds.get(account.id)! : 0
      out.push({
        job: newJob({ ...base, action: 'discuss.newMessage', label: title, message: { title, body, inResponseTo } }),
        injected: undefined,
      })
    }
  }
  return out
}
