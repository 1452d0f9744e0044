import type { AppInfo, Events } from '../../../shared/api'
import type { AppError } from '../../../shared/errors'
import type { StreamStatus } from '../bridge'
import { saveStatusText, type SaveStatus } from '../features/editor/save-status'

interface Props {
  save: SaveStatus
  online: boolean
  stream: StreamStatus | null
  info: AppInfo | null
  infoError: AppError | null
  /** The Local sandbox's process, once it has something to say (stopped, restarting, restarted). */
  sandbox?: Events['sandbox.state'] | null
}

/** Always in view: whether the words are safe, whether we can send, and where the data lives. */
export function StatusBar({ save, online, stream, info, infoError, sandbox }: Props) {
  return (
    <footer className="status-bar" aria-label="Status">
      <span className={`save-state save-${save.kind}`} role="status" aria-live="polite" data-save-state={save.kind}>
        {saveStatusText(save)}
      </span>
      <span className={online ? 'online' : 'offline'}>
        <span className="dot" aria-hidden="true" />
        {online ? 'Online' : 'Offline — publishing waits for the network'}
      </span>
      {stream && stream !== 'open' && (
        <span className="offline">
          {stream === 'refused' ? 'Upstream refused this page’s token' : 'Reconnecting to Upstream…'}
        </span>
      )}
      {sandbox && (sandbox.state !== 'running' || sandbox.restarts > 0) && (
        <span className={sandbox.state === 'running' ? 'online' : 'offline'} data-sandbox-state={sandbox.state}>
          {sandbox.message}
        </span>
      )}
      <span className="spacer" />
      {infoError && <span className="inline-error">{infoError.message}</span>}
      {info && (
        <>
          <span title="Drafts, queue and settings live here">Data: {info.dataDir}</span>
          <span
            title={
              info.secretsEncrypted
                ? 'Passwords are encrypted by the system keychain'
                : 'Passwords are kept in a file only you can read (0600), not encrypted'
            }
          >
            {info.secretsEncrypted ? 'Secrets encrypted' : 'Secrets not encrypted'}
          </span>
        </>
      )}
    </footer>
  )
}
