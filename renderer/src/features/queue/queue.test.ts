import { describe, expect, it } from 'vitest'
import type { Job } from '../../../../shared/model'
import { actionsFor } from './job-actions'
import { mergeJobs, upsertJob } from './job-list'

const job = (id: string, state: Job['state'], updatedAt: string, createdAt = '2025-01-01T00:00:00Z'): Job => ({
  id,
  action: 'webhost.put',
  draftId: 'd',
  accountId: 'a',
  label: id,
  state,
  attempts: 0,
  createdAt,
  updatedAt,
  history: [],
})

describe('job list', () => {
  it('keeps the newer copy whatever order they arrive in', () => {
    const sending = job('j', 'sending', '2025-01-01T00:00:02Z')
    const queued = job('j', 'queued', '2025-01-01T00:00:01Z')
    expect(upsertJob([sending], queued)).toEqual([sending])
    expect(upsertJob([queued], sending)).toEqual([sending])
  })
  it('lists the newest job first', () => {
    const older = job('a', 'done', 't', '2025-01-01T00:00:00Z')
    const newer = job('b', 'queued', 't', '2025-01-02T00:00:00Z')
    expect(mergeJobs([older], [newer]).map((j) => j.id)).toEqual(['b', 'a'])
  })
})

describe('job actions', () => {
  it('offers what the transition table allows, and never a blind retry of an unknown post', () => {
    expect(actionsFor(job('j', 'needs-attention', 't'))).toEqual(['retry', 'cancel'])
    expect(actionsFor(job('j', 'queued', 't'))).toEqual(['pause', 'cancel'])
    expect(actionsFor(job('j', 'paused', 't'))).toEqual(['resume', 'cancel'])
    expect(actionsFor(job('j', 'unknown', 't'))).toEqual(['cancel'])
    expect(actionsFor(job('j', 'done', 't'))).toEqual([])
  })
})
