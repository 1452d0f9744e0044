import type { JsonValue } from '../../../../shared/errors'
import type { ConnectionReport } from '../../../../shared/model'
import { errorText } from '../../lib/error-text'
import { formatBytes } from '../../lib/format'
import { safeHttpUrl } from '../../lib/safe-url'
import { numberOf } from './connection-reports'

type Struct = { [key: string]: JsonValue }
const struct = (v: JsonValue | undefined): Struct | undefined =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? (((v as Struct).$struct as Struct | undefined) ?? (v as Struct))
    : undefined
const text = (v: JsonValue | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

/** "Where pings go": the weblogUpdates target as a URL, or as the server sent it. */
function pingTarget(wu: Struct | undefined): string | undefined {
  if (!wu) return undefined
  const server = text(wu.server)
  if (!server) return undefined
  const port = numberOf(wu.port)
  return `http://${server}${port ? `:${port}` : ''}${text(wu.rpcPath) ?? '/RPC2'}${text(wu.protocol) ? ` (${text(wu.protocol)})` : ''}`
}

function Link({ url }: { url: string | undefined }) {
  const safe = safeHttpUrl(url)
  if (!safe) return <>{url ?? '—'}</>
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {safe}
    </a>
  )
}

/** What "Test connection" found: the methods, and for a community server what it lets you do. */
export function ConnectionReportView({ report, accountName }: { report: ConnectionReport; accountName: string }) {
  const caps = report.capabilities
  const used = numberOf(caps?.ctBytesInUse)
  const quota = numberOf(caps?.maxBytesPerUser)
  const maxFile = numberOf(caps?.maxFileSize)
  const extensions = Array.isArray(caps?.legalFileExtensions)
    ? caps.legalFileExtensions.filter((e): e is string => typeof e === 'string')
    : undefined
  const pings = pingTarget(struct(caps?.weblogUpdates))
  const links = Object.entries(report.initialResources ?? {}).filter(([, v]) => typeof v === 'string' && v !== '')

  return (
    <section
      className={`report ${report.ok ? 'report-ok' : 'report-bad'}`}
      aria-label={`Connection test for ${accountName}`}
    >
      <p className="report-status" role="status">
        {report.ok ? (
          <strong>Connected.</strong>
        ) : (
          <strong className="inline-error">
            {report.error ? errorText(report.error, 'The test failed') : 'The test failed.'}
          </strong>
        )}{' '}
        {report.methods
          ? `The server offers ${report.methods.length} methods.`
          : report.ok
            ? 'The server doesn’t list its methods (no introspection).'
            : ''}
      </p>
      {report.notes.length > 0 && (
        <ul className="report-notes">
          {report.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      {caps && (
        <dl className="facts">
          {used !== undefined && quota !== undefined && quota > 0 && (
            <>
              <dt>Storage</dt>
              <dd className="quota">
                <meter
                  min={0}
                  max={quota}
                  value={used}
                  low={quota * 0.7}
                  high={quota * 0.9}
                  optimum={0}
                  aria-label="Storage used"
                />
                <span>
                  {formatBytes(used)} of {formatBytes(quota)} used
                </span>
              </dd>
            </>
          )}
          {maxFile !== undefined && (
            <>
              <dt>Largest file</dt>
              <dd>{formatBytes(maxFile)}</dd>
            </>
          )}
          {extensions && (
            <>
              <dt>File types</dt>
              <dd>{extensions.length ? extensions.map((e) => `.${e}`).join(' ') : 'any'}</dd>
            </>
          )}
          {pings && (
            <>
              <dt>Pings go to</dt>
              <dd>
                <code>{pings}</code>
              </dd>
            </>
          )}
          {text(caps.yourUpstreamFolderUrl) && (
            <>
              <dt>Your folder</dt>
              <dd>
                <Link url={text(caps.yourUpstreamFolderUrl)} />
              </dd>
            </>
          )}
        </dl>
      )}
      {links.length > 0 && (
        <>
          <h4>Starting points the server offers</h4>
          <dl className="facts">
            {links.map(([name, url]) => (
              <div key={name} className="fact-pair">
                <dt>{name}</dt>
                <dd>
                  <Link url={url as string} />
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {report.methods && report.methods.length > 0 && (
        <details className="report-methods">
          <summary>Methods ({report.methods.length})</summary>
          <ul>
            {report.methods.map((m) => (
              <li key={m}>
                <code>{m}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
