import { useEffect, useId, useState } from 'react'
import type { UpstreamApi } from '../../../../shared/api'
import type { Account, Job } from '../../../../shared/model'
import { ErrorNote } from '../../components/error-note'
import { DryRunView } from './dry-run-view'
import { PostsPanel } from './posts-panel'
import { SettingsForm } from './settings-form'
import { SitePanel } from './site-panel'
import { SubscriptionsPanel } from './subscriptions-panel'
import { useWeblog } from './use-weblog'
import { useWeblogActions } from './use-weblog-actions'

interface Props {
  api: UpstreamApi
  accounts: Account[] | null
  jobs: Job[]
  visible: boolean
  onJob: (job: Job) => void
  /** Shows a draft in Write (a new post, or the draft a post came from). */
  onOpenDraft: (draftId: string) => void
}

/** Community accounts keep a weblog: its posts render into a site folder that is upstreamed whole. */
const weblogAccounts = (accounts: Account[] | null) =>
  (accounts ?? []).filter((a) => a.kind === 'community' && a.usernum !== undefined && a.usernum !== '')

/** The Weblog area: one community account's posts, site, settings and subscriptions. */
export function WeblogView({ api, accounts, jobs, visible, onJob, onOpenDraft }: Props) {
  const id = useId()
  const choices = weblogAccounts(accounts)
  const [accountId, setAccountId] = useState<string | null>(null)
  useEffect(() => {
    if (!choices.some((a) => a.id === accountId))
      setAccountId((choices.find((a) => a.builtin === 'sandbox') ?? choices[0])?.id ?? null)
  }, [choices, accountId])
  const weblog = useWeblog(api, accountId, visible)
  const actions = useWeblogActions(api, accountId, weblog, onJob)
  const { data, errors } = weblog
  const job = jobs
    .filter((j) => j.action === 'site.sync' && j.accountId === accountId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]

  const newPost = async () => {
    const draft = await actions.newPost()
    if (draft) onOpenDraft(draft.id)
  }

  return (
    <section className="area-page weblog" aria-labelledby={`${id}-title`}>
      <header className="area-header">
        <h1 id={`${id}-title`}>Weblog</h1>
        {choices.length > 0 && (
          <>
            <label htmlFor={`${id}-account`} className="weblog-account-label">
              Weblog account
            </label>
            <select id={`${id}-account`} value={accountId ?? ''} onChange={(e) => setAccountId(e.target.value)}>
              {choices.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button primary small"
              disabled={!accountId || actions.busy !== null}
              onClick={() => void newPost()}
            >
              New post
            </button>
          </>
        )}
      </header>
      <ErrorNote error={actions.errorFor('new-post')} context="The post couldn’t be started" />
      {accounts !== null && choices.length === 0 && (
        <p className="empty-note">
          A weblog needs a community-server account with a member number: add one in Accounts (and register it there).
        </p>
      )}
      {accountId && (
        <div className="weblog-grid">
          <div className="weblog-column">
            <SitePanel status={data.status} error={errors.status} job={job} actions={actions} />
            {actions.dryRun && <DryRunView plan={actions.dryRun} onClose={actions.clearDryRun} />}
            <PostsPanel
              posts={data.posts}
              drafts={data.drafts}
              error={errors.posts ?? errors.drafts}
              actions={actions}
              onOpenDraft={onOpenDraft}
            />
          </div>
          <div className="weblog-column">
            <SettingsForm settings={data.settings} error={errors.settings} actions={actions} />
            <SubscriptionsPanel
              subscriptions={data.subscriptions}
              error={errors.subscriptions}
              actions={actions}
              suggestion={data.status?.homeUrl ?? null}
            />
          </div>
        </div>
      )}
    </section>
  )
}
