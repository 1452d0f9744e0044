import { useState } from 'react'
import type { WireEntry } from '../../../../shared/wire'
import { copyText } from '../../lib/copy-text'
import { formatBytes, formatMs, formatWhen } from '../../lib/format'
import { prettyXmlText } from '../../lib/xml-pretty'
import { statusText } from './wire-filter'
import { XmlView } from './xml-view'

export function exchangeText(e: WireEntry): string {
  return [
    `${e.method} → ${e.url}`,
    `${e.startedAt} · ${e.ms} ms · ${statusText(e)}${e.account ? ` · ${e.account.name}` : ''}`,
    ...(e.error ? [`Error: ${e.error}`] : []),
    '',
    `--- request (${e.requestBytes} bytes) ---`,
    prettyXmlText(e.requestXml),
    '',
    `--- response (${e.responseBytes} bytes) ---`,
    prettyXmlText(e.responseXml),
    '',
  ].join('\n')
}

/** One exchange: the request and the answer, as sent and received (secrets already redacted). */
export function ExchangeDetail({ entry }: { entry: WireEntry }) {
  const [copied, setCopied] = useState<string | null>(null)
  const copy = async (what: string, text: string) => setCopied((await copyText(text)) ? what : 'failed')
  return (
    <section className="exchange" aria-label={`Exchange ${entry.method}`}>
      <header className="exchange-header">
        <div>
          <h2>{entry.method}</h2>
          <p className="muted">
            <code>{entry.url}</code> · {formatWhen(entry.startedAt, undefined, true)} · {formatMs(entry.ms)} ·{' '}
            {statusText(entry)}
            {entry.account && <> · {entry.account.name}</>}
          </p>
        </div>
        <div className="exchange-actions">
          <button type="button" className="button small" onClick={() => void copy('exchange', exchangeText(entry))}>
            Copy as text
          </button>
          <span className="muted" role="status">
            {copied === 'failed' ? 'Couldn’t copy: the system refused the clipboard.' : copied ? 'Copied.' : ''}
          </span>
        </div>
      </header>
      {entry.error && <p className="job-error">{entry.error}</p>}
      <div className="exchange-panes">
        <div className="pane">
          <header className="pane-header">
            <h3>Request</h3>
            <span className="muted">{formatBytes(entry.requestBytes)}</span>
          </header>
          <XmlView xml={entry.requestXml} label="Request XML" />
        </div>
        <div className="pane">
          <header className="pane-header">
            <h3>Response</h3>
            <span className="muted">{formatBytes(entry.responseBytes)}</span>
          </header>
          <XmlView xml={entry.responseXml} label="Response XML" />
        </div>
      </div>
    </section>
  )
}
