/** One line of a diff: kept, only in the old text, or only in the new one. */
export interface DiffLine {
  op: 'same' | 'del' | 'add'
  text: string
  /** Index in the old text (same, del) or the new text (add). */
  a?: number
  b?: number
}

/** Beyond this many differences the middle is shown as replaced wholesale: still correct, never slow. */
const MAX_EDIT_DISTANCE = 4_000

export const splitLines = (text: string): string[] => (text === '' ? [] : text.replace(/\r\n?/g, '\n').split('\n'))

/**
 * Myers' O((N+M)·D) line diff, after trimming the common head and tail (where most real edits
 * leave most of the text).
 */
export function diffLines(a: readonly string[], b: readonly string[]): DiffLine[] {
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const out: DiffLine[] = []
  for (let i = 0; i < head; i++) out.push({ op: 'same', text: a[i], a: i, b: i })
  out.push(...middle(a, b, head, a.length - tail, head, b.length - tail))
  for (let k = tail; k > 0; k--) out.push({ op: 'same', text: a[a.length - k], a: a.length - k, b: b.length - k })
  return out
}

function middle(
  a: readonly string[],
  b: readonly string[],
  a0: number,
  a1: number,
  b0: number,
  b1: number,
): DiffLine[] {
  const n = a1 - a0
  const m = b1 - b0
  const max = Math.min(n + m, MAX_EDIT_DISTANCE)
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  let found = -1
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice())
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1
      let y = x - k
      while (x < n && y < m && a[a0 + x] === b[b0 + y]) (x++, y++)
      v[offset + k] = x
      if (x >= n && y >= m) {
        found = d
        break
      }
    }
  }
  if (found < 0) {
    // Too different to be worth aligning: the old lines went, the new ones came.
    return [
      ...a.slice(a0, a1).map((text, i): DiffLine => ({ op: 'del', text, a: a0 + i })),
      ...b.slice(b0, b1).map((text, i): DiffLine => ({ op: 'add', text, b: b0 + i })),
    ]
  }
  // Walk the trace back from (n, m) to (0, 0).
  const out: DiffLine[] = []
  let x = n
  let y = m
  for (let d = found; d > 0; d--) {
    const vd = trace[d]
    const k = x - y
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1
    const prevX = vd[offset + prevK]
    const prevY = prevX - prevK
    while (x > prevX && y > prevY) out.push({ op: 'same', text: a[a0 + --x], a: a0 + x, b: b0 + --y })
    if (x === prevX) out.push({ op: 'add', text: b[b0 + --y], b: b0 + y })
    else out.push({ op: 'del', text: a[a0 + --x], a: a0 + x })
  }
  while (x > 0 && y > 0) out.push({ op: 'same', text: a[a0 + --x], a: a0 + x, b: b0 + --y })
  return out.reverse()
}

/** For each line of `base`, where it sits in `other` (or -1 where it was changed or removed). */
function matchMap(base: readonly string[], other: readonly string[]): Int32Array {
  const map = new Int32Array(base.length).fill(-1)
  for (const l of diffLines(base, other)) if (l.op === 'same') map[l.a!] = l.b!
  return map
}

export interface MergeResult {
  text: string
  /** Regions both sides changed differently, marked in `text` the way git does. */
  conflicts: number
}

const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((l, i) => l === y[i])

/**
 * A three-way merge by lines (diff3): changes made on one side only are taken; where both sides
 * changed the same lines differently, both versions are kept between conflict markers.
 */
export function merge3(baseText: string, mineText: string, theirsText: string): MergeResult {
  const base = splitLines(baseText)
  const mine = splitLines(mineText)
  const theirs = splitLines(theirsText)
  const toMine = matchMap(base, mine)
  const toTheirs = matchMap(base, theirs)
  const out: string[] = []
  let conflicts = 0
  let bi = 0
  let mi = 0
  let ti = 0
  while (bi < base.length || mi < mine.length || ti < theirs.length) {
    let run = 0
    while (bi + run < base.length && toMine[bi + run] === mi + run && toTheirs[bi + run] === ti + run) run++
    if (run > 0) {
      out.push(...base.slice(bi, bi + run))
      bi += run
      mi += run
      ti += run
      continue
    }
    let j = bi
    while (j < base.length && (toMine[j] < 0 || toTheirs[j] < 0)) j++
    const me = j < base.length ? toMine[j] : mine.length
    const te = j < base.length ? toTheirs[j] : theirs.length
    const b = base.slice(bi, j)
    const m = mine.slice(mi, me)
    const t = theirs.slice(ti, te)
    if (same(m, b)) out.push(...t)
    else if (same(t, b) || same(m, t)) out.push(...m)
    else {
      conflicts++
      out.push('<<<<<<< mine', ...m, '=======', ...t, '>>>>>>> theirs')
    }
    bi = j
    mi = me
    ti = te
  }
  return { text: out.join('\n'), conflicts }
}
