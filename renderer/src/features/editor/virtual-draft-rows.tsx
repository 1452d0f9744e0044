import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react'
import type { DraftGroup } from './draft-groups'
import { DraftListItem } from './draft-list-item'

/** Above this many drafts the list renders only the rows in view (10,000 items in the DOM cost seconds). */
export const VIRTUAL_FROM = 300
const OVERSCAN = 12
type Row = { kind: 'heading'; key: string; label: string } | { kind: 'item'; group: string; index: number }

/**
 * The drafts list, windowed: rows are headings and items of fixed heights measured from the first
 * ones rendered, so the scroll height is exact and only what is in view (plus a margin) is in the
 * DOM. Search narrows a long list to what a writer can scan.
 */
export function VirtualDraftRows({
  groups,
  selectedId,
  onSelect,
  scrollRef,
}: {
  groups: DraftGroup[]
  selectedId: string | undefined
  onSelect: (id: string) => void
  scrollRef: RefObject<HTMLDivElement | null>
}) {
  const rows = useMemo(() => {
    const out: Row[] = []
    for (const g of groups) {
      out.push({ kind: 'heading', key: g.key, label: g.label })
      for (let i = 0; i < g.items.length; i++) out.push({ kind: 'item', group: g.key, index: i })
    }
    return out
  }, [groups])
  const byKey = useMemo(() => new Map(groups.map((g) => [g.key, g])), [groups])
  const [view, setView] = useState({ top: 0, height: 800 })
  const [sizes, setSizes] = useState({ item: 46, heading: 27 })
  const measured = useRef(false)
  const listRef = useRef<HTMLUListElement>(null)

  useLayoutEffect(() => {
    const el = scrollRef.current
    if (!el) return
    const update = () => setView({ top: el.scrollTop, height: el.clientHeight || 800 })
    update()
    el.addEventListener('scroll', update, { passive: true })
    const ro = new ResizeObserver(update)
    ro.observe(el)
    return () => (el.removeEventListener('scroll', update), ro.disconnect())
  }, [scrollRef])

  // No dependency list on purpose: it runs after each render until the first rows exist to measure,
  // then never again (measured.current), so setSizes runs once.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    if (measured.current || !listRef.current) return
    const item = listRef.current.querySelector<HTMLElement>('li.virtual-item')
    const heading = listRef.current.querySelector<HTMLElement>('li.group-heading')
    if (item && heading) {
      measured.current = true
      setSizes({ item: item.offsetHeight || 46, heading: heading.offsetHeight || 27 })
    }
  })

  // Offsets of each row; headings are few, so a prefix walk stays cheap even at 10,000 rows.
  const offsets = useMemo(() => {
    const o = new Float64Array(rows.length + 1)
    for (let i = 0; i < rows.length; i++) o[i + 1] = o[i] + (rows[i].kind === 'heading' ? sizes.heading : sizes.item)
    return o
  }, [rows, sizes])
  const total = offsets[rows.length]
  const first = Math.max(0, lowerBound(offsets, view.top) - 1 - OVERSCAN)
  const last = Math.min(rows.length, lowerBound(offsets, view.top + view.height) + OVERSCAN)

  return (
    <ul
      ref={listRef}
      className="draft-items virtual"
      aria-label={`Drafts (${rows.length - groups.length})`}
      style={{ paddingTop: offsets[first], paddingBottom: total - offsets[last] }}
    >
      {rows.slice(first, last).map((r) => {
        if (r.kind === 'heading')
          return (
            <li key={`h-${r.key}`} role="heading" aria-level={2} className="group-heading">
              {r.label}
            </li>
          )
        const s = byKey.get(r.group)!.items[r.index]
        return (
          <DraftListItem
            key={s.id}
            className="virtual-item"
            summary={s}
            selected={s.id === selectedId}
            onSelect={onSelect}
          />
        )
      })}
    </ul>
  )
}

/** The first index whose offset is ≥ y. */
function lowerBound(offsets: Float64Array, y: number): number {
  let lo = 0
  let hi = offsets.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (offsets[mid] < y) lo = mid + 1
    else hi = mid
  }
  return lo
}
