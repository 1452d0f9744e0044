import { describe, expect, it } from 'vitest'
import { appError } from '../../../shared/errors'
import type { Job } from '../../../shared/model'
import { newJob } from '../../queue/new-job'
import { jobNotifications } from './job-notifications'

const job = (over: Partial<Job> = {}): Job => ({
  ...newJob(
    { action: 'webhost.put', draftId: 'd', accountId: 'a', label: 'Publish p.html to Host', files: ['p.html'] },
    new Date(0),
    'j1',
  ),
  ...over,
})

describe('job notifications', () => {
  it('once per arrival in done or needs-attention; progress ticks and repeats say nothing', () => {
    const seen: unknown[] = []
    const onChange = jobNotifications([], (n) => seen.push(n))
    onChange(job())
    onChange(job({ state: 'sending' }))
    onChange(job({ state: 'sending', progress: { sent: 1, total: 2 } }))
    onChange(job({ state: 'done', result: { url: 'http://h/p.html' } }))
    onChange(job({ state: 'done', result: { url: 'http://h/p.html' } }))
    expect(seen).toEqual([{ level: 'success', title: 'Published', body: 'Publish p.html to Host — http://h/p.html' }])
  })

  it("needs-attention carries the server's words; jobs known at start are not replayed", () => {
    const seen: unknown[] = []
    const onChange = jobNotifications([job({ id: 'old', state: 'done' }), job({ state: 'waiting-retry' })], (n) =>
      seen.push(n),
    )
    onChange(job({ id: 'old', state: 'done' }))
    onChange(
      job({ state: 'needs-attention', error: appError('auth', 'The server refused the login. Check the password.') }),
    )
    expect(seen).toEqual([
      {
        level: 'error',
        title: 'Needs attention: Publish p.html to Host',
        body: 'The server refused the login. Check the password.',
      },
    ])
  })

  it('done with a file that did not go: a warning that names it', () => {
    const seen: { level: string; title: string }[] = []
    const onChange = jobNotifications([job({ state: 'sending' })], (n) => seen.push(n))
    onChange(
      job({ state: 'done', files: [{ path: 'talk.mp3', status: 'failed', error: appError('limit', 'Too big.') }] }),
    )
    expect(seen).toMatchObject([{ level: 'warning', title: 'Published, but not talk.mp3' }])
  })
})
