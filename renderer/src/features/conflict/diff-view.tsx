import { useMemo } from 'react'
import { diffLines, splitLines, type DiffLine } from '../../lib/line-diff'

const CONTEXT = 3

type Row = DiffLine | { op: 'skip'; count: number }

/** Long unchanged stretches fold to a line, keeping a few lines of context around each change. */
function fold(lines: DiffLine[]): Row[] {
  const rows: Row[] = []
  let i = 0
  while (i < lines.length) {
    if (lines[i].op !== 'same') {
      rows.push(lines[i++])
      continue
    }
    let j = i
    while (j < lines.length && lines[j].op === 'same') j++
    const run = j - i
    const keepHead = i === 0 ? 0 : CONTEXT
    const keepTail = j === lines.length ? 0 : CONTEXT
    if (run > keepHead + keepTail + 1) {
      rows.push(
        ...lines.slice(i, i + keepHead),
        { op: 'skip', count: run - keepHead - keepTail },
        ...lines.slice(j - keepTail, j),
      )
    } else rows.push(...lines.slice(i, j))
    i = j
  }
  return rows
}

interface Props {
  label: string
  from: string
  to: string
}

/** A line diff: removed lines struck through (<del>), added ones underlined (<ins>). */
export function DiffView({ label, from, to }: Props) {
  const rows = useMemo(() => fold(diffLines(splitLines(from), splitLines(to))), [from, to])
  const changed = rows.some((r) => r.op === 'add' || r.op === 'del')
  return (
    <div className="diff" role="region" aria-label={label} tabIndex={0}>
      {!changed && <p className="muted diff-none">No changes.</p>}
      {changed &&
        rows.map((r, i) =>
          r.op === 'skip' ? (
            <div key={i} className="diff-line diff-skip">
              ⋯ {r.count} unchanged {r.count === 1 ? 'line' : 'lines'}
            </div>
          ) : r.op === 'same' ? (
            <div key={i} className="diff-line">
              <span className="diff-mark" aria-hidden="true">
                {' '}
              </span>
              {r.text || '\u00a0'}
            </div>
          ) : r.op === 'add' ? (
            <ins key={i} className="diff-line diff-add">
              <span className="diff-mark" aria-hidden="true">
                +
              </span>
              {r.text || '\u00a0'}
            </ins>
          ) : (
            <del key={i} className="diff-line diff-del">
              <span className="diff-mark" aria-hidden="true">
                −
              </span>
              {r.text || '\u00a0'}
            </del>
          ),
        )}
    </div>
  )
}
