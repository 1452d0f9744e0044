import { useId, useState } from 'react'

interface Props {
  value: string
  onChange: (zone: string) => void
}

/** An IANA zone the browser knows, "UTC", or a fixed offset such as +02:00 (what the core accepts). */
export function isZone(text: string): boolean {
  if (/^[+-](?:[01]\d|2[0-3]):?[0-5]\d$/.test(text) || text === 'UTC') return true
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: text })
    return text.includes('/')
  } catch {
    return false
  }
}

const zones = (): string[] => {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf
  return ['UTC', ...(supported ? supported('timeZone') : [])]
}

/**
 * The zone a post's date is meant in, stated beside the date: 9:00 means 9:00 there, whatever the
 * zone of this machine or of the blog's server. What is typed is passed on only once it names a
 * zone, so a half-typed name never reaches the draft.
 */
export function ZoneInput({ value, onChange }: Props) {
  const id = useId()
  const [text, setText] = useState(value)
  const valid = isZone(text.trim())
  return (
    <span className="zone-input">
      <label htmlFor={id} className="visually-hidden">
        Time zone
      </label>
      <input
        id={id}
        list={`${id}-zones`}
        value={text}
        spellCheck={false}
        aria-invalid={!valid}
        title={valid ? 'The zone this date is meant in' : 'Type a zone such as Europe/Paris, UTC or +02:00'}
        onChange={(e) => {
          setText(e.target.value)
          if (isZone(e.target.value.trim())) onChange(e.target.value.trim())
        }}
      />
      <datalist id={`${id}-zones`}>
        {zones().map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
    </span>
  )
}
