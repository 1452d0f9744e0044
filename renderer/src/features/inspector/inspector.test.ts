import { describe, expect, it } from 'vitest'
import type { Job } from '../../../../shared/model'
import type { WireEntry } from '../../../../shared/wire'
import { numberOf } from '../accounts/connection-reports'
import { actionsFor, canResolve } from '../queue/job-actions'
import { errorText } from '../../lib/error-text'
import { filterForJob, matches, statusText } from './wire-filter'

const entry = (over: Partial<WireEntry>): WireEntry => ({
  id: 1,
  method: 'webHost.put',
  url: 'http://x/RPC2',
  startedAt: '2025-01-01T10:00:05Z',
  ms: 3,
  status: 200,
  requestBytes: 1,
  responseBytes: 1,
  requestXml: '',
  responseXml: '<methodResponse><params/></methodResponse>',
  account: { id: 'a', name: 'A' },
  ...over,
})
const job = (over: Partial<Job>): Job => ({
  id: 'j',
  action: 'webhost.put',
  draftId: 'd',
  accountId: 'a',
  label: 'Publish x',
  state: 'done',
  attempts: 1,
  createdAt: '2025-01-01T10:00:00Z',
  updatedAt: '2025-01-01T10:00:06Z',
  history: [{ state: 'sending', at: '2025-01-01T10:00:04Z' }],
  ...over,
})

describe('wire filter', () => {
  it('shows a job’s exchanges: its account, from its first attempt to its last change', () => {
    const f = filterForJob(job({}))
    expect(matches(entry({}), f)).toBe(true)
    expect(matches(entry({ account: { id: 'b', name: 'B' } }), f)).toBe(false)
    expect(matches(entry({ startedAt: '2025-01-01T09:59:00Z' }), f)).toBe(false)
    expect(matches(entry({ startedAt: '2025-01-01T10:01:00Z' }), f)).toBe(false)
  })
  it('says fault, error or the HTTP status', () => {
    expect(statusText(entry({}))).toBe('200')
    expect(statusText(entry({ responseXml: '<methodResponse><fault>…</fault></methodResponse>' }))).toBe('Fault')
    expect(statusText(entry({ status: undefined, error: 'refused' }))).toBe('No answer')
  })
})

describe('queue actions', () => {
  it('never retries a conflict, and lets the writer resolve an unknown outcome', () => {
    expect(actionsFor(job({ state: 'needs-attention', error: { kind: 'conflict', message: 'changed' } }))).toEqual([
      'cancel',
    ])
    expect(canResolve(job({ state: 'unknown' }))).toBe(true)
    expect(
      canResolve(
        job({
          state: 'needs-attention',
          uncertain: { since: '', lookups: 3, status: 'ask-user', candidates: ['000001', '000002'] },
        }),
      ),
    ).toBe(true)
    expect(canResolve(job({ state: 'needs-attention' }))).toBe(false)
  })
})

describe('typed numbers and error text', () => {
  it('reads ints, i8 and doubles from typed JSON', () => {
    expect(numberOf(41943040)).toBe(41943040)
    expect(numberOf({ $i8: '9007199254740993' })).toBe(9007199254740992)
    expect(numberOf({ $double: 2 })).toBe(2)
    expect(numberOf('40')).toBeUndefined()
  })
  it('adds the fix when the cause comes alone, and explains a channel the core lacks', () => {
    expect(errorText({ kind: 'auth', message: 'The server refused the login.' })).toMatch(/Check the password/)
    expect(errorText({ kind: 'auth', message: 'Wrong password. Check the password in Accounts.' })).toBe(
      'Wrong password. Check the password in Accounts.',
    )
    expect(errorText({ kind: 'not-found', message: 'No channel named "drafts.render".' }, 'Preview')).toMatch(
      /^Preview: this version of the Upstream core doesn’t offer “drafts.render”/,
    )
  })
})
