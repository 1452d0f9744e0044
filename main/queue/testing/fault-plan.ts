/** What the test server does to one answer, after (or instead of) doing the work. */
export type Fault = 'drop' | 'reset' | 'slow' | 'busy-503'

export const FAULTS: readonly Fault[] = ['drop', 'reset', 'slow', 'busy-503']

/** A small seeded PRNG (mulberry32), so a failing soak can be replayed with its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `rate` of calls get a fault, the kinds in equal shares. */
export function randomFaults(rate: number, random: () => number): (method: string, params: unknown[]) => Fault | undefined {
  return () => (random() < rate ? FAULTS[Math.floor(random() * FAULTS.length)] : undefined)
}
