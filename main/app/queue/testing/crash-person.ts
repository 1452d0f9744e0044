import { performersWith } from '../../core/job-performers'
import { JobStore } from '../../../queue/job-store'
import { Publisher } from '../../../queue/publisher'
import { hostQueue } from '../../../queue/queue-lock'
import { writeJsonDurable } from '../../../queue/write-json'
import { settledState } from './crash-child'
import { soakWorldOf, worldClock, type CrashWorld } from './crash-world'
import { postKey, type FakeDiscussion } from './fault-methods'
import { soakDeps } from './soak-deps'

/**
 * Plays the person for jobs only a person could settle (a crash right after the request left,
 * nothing found on the server): looks at the group — here, the server's own count — and answers.
 * A job asked about whose post IS on the server is a search that failed: reported as a problem.
 */
export async function settleByPerson(
  dataDir: string,
  w: CrashWorld,
  server: FakeDiscussion,
): Promise<{ count: number; problems: string[] }> {
  const clock = worldClock(w)
  const store = await JobStore.open(dataDir, writeJsonDurable)
  const publisher = new Publisher({
    store,
    performers: performersWith(soakDeps(soakWorldOf(w), clock, w.timeoutMs)),
    onChange: () => {},
    clock,
    concurrency: 6,
  })
  const host = await hostQueue({ dataDir, store, publisher, pollMs: 50 })
  const problems: string[] = []
  let count = 0
  try {
    if (!host.holding()) throw new Error('the publisher lock did not come free after the last child exited')
    for (const job of store.list().filter((j) => j.uncertain?.status === 'ask-user')) {
      const account = w.accounts.find((a) => a.id === job.accountId)!
      const n = server.posts.get(postKey(account.username, job.message!.title, job.message!.body)) ?? 0
      count++
      const posted = server.messages.find(
        (m) => m.author === account.username && m.title === job.message!.title && m.body === job.message!.body,
      )
      if (!posted) {
        await publisher.resolve(job.id, { posted: false })
        continue
      }
      problems.push(`${job.label}: on the server ${n} time(s), but the search asked the person`)
      await publisher.resolve(job.id, { posted: true, msgnum: posted.msgnum })
    }
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline && !store.list().every(settledState)) await new Promise((r) => setTimeout(r, 25))
  } finally {
    await host.close()
  }
  return { count, problems }
}
