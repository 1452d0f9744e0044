import type { AppError } from '../../../../shared/errors'
import type { Job } from '../../../../shared/model'
import type { SiteStatusView } from '../../../../shared/weblog'
import { ErrorNote } from '../../components/error-note'
import { formatBytes, formatWhen } from '../../lib/format'
import { safeHttpUrl } from '../../lib/safe-url'
import { SyncJob } from './sync-job'
import type { WeblogActions } from './use-weblog-actions'

interface Props {
  status: SiteStatusView | null
  error: AppError | undefined
  /** The newest site sync of this account, if any. */
  job: Job | undefined
  actions: WeblogActions
}

const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`

/** Where the site stands (from local files) and the two ways to act on it: look first, or send. */
export function SitePanel({ status, error, job, actions }: Props) {
  const home = safeHttpUrl(status?.homeUrl)
  const feed = safeHttpUrl(status?.feedUrl)
  const pending = status ? status.pending.uploads.length + status.pending.deletes.length : 0
  return (
    <section className="weblog-card" aria-labelledby="weblog-site-title">
      <div className="weblog-card-top">
        <h2 id="weblog-site-title">Site</h2>
        <button
          type="button"
          className="button small"
          disabled={actions.busy !== null || !status}
          onClick={() => void actions.runDryRun()}
        >
          {actions.busy === 'dry-run' ? 'Checking…' : 'Dry run'}
        </button>
        <button
          type="button"
          className="button small primary"
          disabled={actions.busy !== null || !status}
          onClick={() => void actions.syncNow()}
        >
          Sync now
        </button>
      </div>
      <ErrorNote error={error} context="The site’s status couldn’t be read" />
      <ErrorNote error={actions.errorFor('sync') ?? actions.errorFor('dry-run')} />
      {status && (
        <dl className="facts">
          <dt>Site folder</dt>
          <dd>
            <code>{status.siteDir}</code>
          </dd>
          <dt>On the server</dt>
          <dd>
            {files(status.upstreamed.files)}, {formatBytes(status.upstreamed.bytes)}
            {status.lastSyncAt ? ` · last synced ${formatWhen(status.lastSyncAt)}` : ' · never synced'}
          </dd>
          <dt>To send</dt>
          <dd>
            {pending === 0
              ? 'Nothing: the server has everything.'
              : `${files(status.pending.uploads.length)} to upload, ${files(status.pending.deletes.length)} to delete`}
          </dd>
          <dt>Posts</dt>
          <dd>{status.posts}</dd>
          {(home || feed) && (
            <>
              <dt>Published</dt>
              <dd className="weblog-links">
                {home && (
                  <a href={home} target="_blank" rel="noopener noreferrer">
                    Open home page
                  </a>
                )}
                {feed && (
                  <a href={feed} target="_blank" rel="noopener noreferrer">
                    Open feed
                  </a>
                )}
              </dd>
            </>
          )}
        </dl>
      )}
      {job && <SyncJob job={job} />}
    </section>
  )
}
