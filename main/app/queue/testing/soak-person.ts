import type { JobStore } from '../../../queue/job-store'
import type { Publisher } from '../../../queue/publisher'

/**
 * Someone at the keyboard during the soak: pauses jobs and resumes them a moment later, says
 * "retry now" to jobs waiting out a backoff, and cancels a few jobs that have not gone out.
 * Every refusal (the job moved on meanwhile) is fine: that race is part of the test.
 */
export function startPerson(publisher: Publisher, store: JobStore, random: () => number, spare: ReadonlySet<string>) {
  const cancelled = new Set<string>()
  let actions = 0
  const act = (id: string, action: 'pause' | 'resume' | 'retry' | 'cancel') =>
    publisher.act(id, action).then(
      (j) => {
        actions++
        if (action === 'cancel') cancelled.add(j.id)
        if (action === 'pause') setTimeout(() => void act(id, 'resume'), 30).unref()
      },
      () => {},
    )
  const timer = setInterval(() => {
    const open = store
      .list()
      .filter((j) => ['queued', 'waiting-retry', 'waiting-network'].includes(j.state) && !spare.has(j.id))
    if (open.length === 0) return
    const job = open[Math.floor(random() * open.length)]
    const r = random()
    if (r < 0.5) void act(job.id, 'pause')
    else if (r < 0.85) void (job.state === 'waiting-retry' && act(job.id, 'retry'))
    else if (r < 0.92) void act(job.id, 'cancel')
  }, 15)
  return {
    cancelled,
    get actions() {
      return actions
    },
    async stop(): Promise<void> {
      clearInterval(timer)
      await new Promise((r) => setTimeout(r, 60)) // let pending resumes land
      await publisher.actAll('resume')
    },
  }
}
