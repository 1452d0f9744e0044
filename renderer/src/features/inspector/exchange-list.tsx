import { memo } from 'react'
import type { WireEntry } from '../../../../shared/wire'
import { formatBytes, formatMs, formatWhen } from '../../lib/format'
import { isFault, statusText } from './wire-filter'

interface Props {
  entries: WireEntry[]
  selectedId: number | null
  onSelect: (id: number) => void
}

/** The exchanges as a table: one row per call, the method as the row's button. */
export function ExchangeList({ entries, selectedId, onSelect }: Props) {
  return (
    <table className="exchanges" aria-label="Exchanges">
      <thead>
        <tr>
          <th scope="col">Method</th>
          <th scope="col">Account</th>
          <th scope="col">Status</th>
          <th scope="col">Time</th>
          <th scope="col" className="num">
            Size
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <ExchangeRow key={e.id} entry={e} selected={e.id === selectedId} onSelect={onSelect} />
        ))}
      </tbody>
    </table>
  )
}

/** One call; memoised, since a busy session adds rows while the others stay as they are. */
const ExchangeRow = memo(function ExchangeRow({
  entry: e,
  selected,
  onSelect,
}: {
  entry: WireEntry
  selected: boolean
  onSelect: (id: number) => void
}) {
  const bad = e.error !== undefined || isFault(e)
  return (
    <tr aria-current={selected ? 'true' : undefined} className={selected ? 'selected' : undefined}>
      <td>
        <button type="button" className="row-button" onClick={() => onSelect(e.id)}>
          {e.method}
        </button>
      </td>
      <td>{e.account?.name ?? '—'}</td>
      <td className={bad ? 'status-bad' : 'status-ok'}>{statusText(e)}</td>
      <td>
        {formatWhen(e.startedAt, undefined, true)} <span className="muted">· {formatMs(e.ms)}</span>
      </td>
      <td className="num">{formatBytes(e.requestBytes + e.responseBytes)}</td>
    </tr>
  )
})
