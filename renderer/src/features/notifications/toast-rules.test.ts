import { describe, expect, it } from 'vitest'
import { addToast, settleJob, TOASTS_SHOWN, type Toast } from './toast-rules'

const t = (id: number, level: Toast['level'], jobId?: string): Toast => ({ id, level, title: `t${id}`, jobId })

describe('toast rules', () => {
  it("a success about a job ends that job's error and warning, not others'", () => {
    const list = [t(1, 'error', 'j1'), t(2, 'error', 'j2'), t(3, 'warning', 'j1')]
    expect(addToast(list, t(4, 'success', 'j1')).map((x) => x.id)).toEqual([2, 4])
    expect(settleJob(list, 'j2').map((x) => x.id)).toEqual([1, 3])
  })

  it('the pile stays short: the oldest leave the screen (the history keeps them)', () => {
    let list: Toast[] = []
    for (let i = 1; i <= TOASTS_SHOWN + 2; i++) list = addToast(list, t(i, 'error'))
    expect(list.map((x) => x.id)).toEqual([3, 4, 5])
  })
})
