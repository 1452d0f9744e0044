import { useMemo } from 'react'
import { prettyXml } from '../../lib/xml-pretty'

/** XML pretty-printed and coloured; every part is rendered as text, never as markup. */
export function XmlView({ xml, label }: { xml: string; label: string }) {
  const lines = useMemo(() => prettyXml(xml), [xml])
  if (!xml)
    return (
      <p className="muted pane-note">Nothing was {label.toLowerCase().includes('request') ? 'sent' : 'received'}.</p>
    )
  return (
    <pre className="xml" tabIndex={0} aria-label={label}>
      {lines.map((l, i) => (
        <div key={i} className="xml-line" style={{ paddingLeft: `${l.depth * 2 + 2}ch` }}>
          {l.parts.map((p, j) => (
            <span key={j} className={`x-${p.kind}`}>
              {p.text}
            </span>
          ))}
        </div>
      ))}
    </pre>
  )
}
