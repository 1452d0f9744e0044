import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { launchUrlOnDemand } from './launch-on-demand'

describe('upstream serve prints a fresh launch address on demand', () => {
  it('for each line on standard input and for SIGUSR2, until stopped', async () => {
    const input = new PassThrough()
    let printed = 0
    const stop = launchUrlOnDemand(() => printed++, input)
    input.write('\n')
    input.write('again\n')
    await new Promise((r) => setImmediate(r))
    expect(printed).toBe(2)
    const signalled = new Promise((r) => process.once('SIGUSR2', r))
    process.kill(process.pid, 'SIGUSR2')
    await signalled
    expect(printed).toBe(3)
    stop()
    input.write('\n')
    await new Promise((r) => setImmediate(r))
    expect(printed).toBe(3)
    expect(process.listenerCount('SIGUSR2')).toBe(0)
  })
})
