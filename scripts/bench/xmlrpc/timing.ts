// Best-of-N timing: on a machine shared with other work, the fastest run is the one least
// disturbed by it, so it is the fairest figure for every implementation alike.

export function bestOf(runs: number, f: () => unknown): number {
  f() // warm-up: compile, grow the heap
  let best = Infinity
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    f()
    best = Math.min(best, performance.now() - t)
  }
  return best / 1000
}

export async function bestOfAsync(runs: number, f: () => Promise<unknown>): Promise<number> {
  await f()
  let best = Infinity
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await f()
    best = Math.min(best, performance.now() - t)
  }
  return best / 1000
}
