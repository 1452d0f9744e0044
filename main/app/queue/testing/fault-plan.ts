import { seededRandom } from '../../../base/seeded-random'
/** What the test server does to one answer, after (or instead of) doing the work. */
export type Fault = 'drop' | 'reset' | 'slow' | 'busy-503'

export const FAULTS: readonly Fault[] = ['drop', 'reset', 'slow', 'busy-503']

/** Seeded, so a failing soak can be replayed with its seed. */
export const seeded = seededRandom

/** `rate` of calls get a fault, the kinds in equal shares. */
export function randomFaults(
  rate: number,
  random: () => number,
): (method: string, params: unknown[]) => Fault | undefined {
  return () => (random() < rate ? FAULTS[Math.floor(random() * FAULTS.length)] : undefined)
}
