import type { AppInfo, Events } from '../../../shared/api'
import type { Account } from '../../../shared/model'
import { JobStore, type CorruptJob } from '../../queue/job-store'
import { Publisher } from '../../queue/publisher'
import { openDraftStore } from '../../store/drafts'
import { hostQueue } from '../../queue/queue-lock'
import { fileSecrets } from '../../store/secrets-file'
import { openSettings } from '../../store/settings'
import { prepareDataFolder } from '../../store/data-folder'
import { sweepStaging } from '../../store/stage'
import { atomicWrite } from '../../store/atomic-write'
import { ensureDir, nodeFs } from '../../store/fs-layer'
import { dirname } from 'node:path'
import { accountClient } from '../accounts/account-client'
import { WireLogStore } from '../inspector/wire-log-store'
import type { AppContext } from './context'
import type { Core, CoreOptions } from './core-types'
import { dispatch, isChannel } from './dispatch'
import { EventBus } from './event-bus'
import { historyPolicy } from '../drafts/history-policy'
import { recordNotices } from '../notifications/record-notices'
import { failWith } from './failure'
import { jobNotifications } from '../queue/job-notifications'
import { startLocalSandbox, type LocalSandbox } from '../local-sandbox/local-sandbox'
import { builtChildEntry, nodeSandboxLauncher } from '../local-sandbox/launcher'
import { queueWiring } from './job-performers'
import { APP_VERSION } from '../../base/version'
import { WeblogRuntime } from '../weblog/weblog-runtime'

/** Job files go through the same durable write as drafts. */
async function writeJsonDurable(file: string, value: unknown): Promise<void> {
  await ensureDir(nodeFs, dirname(file))
  await atomicWrite(nodeFs, file, JSON.stringify(value, null, 1))
}

/**
 * The Local sandbox runs in its own process: Electron hands a utilityProcess launcher; under Node it
 * is forked from the bundle beside this one. Run from source (vitest), there is no bundle, so it
 * runs in this process unless the test hands a launcher (main/app/local-sandbox/*.test.ts do).
 */
function sandboxRunner(opts: CoreOptions) {
  if (opts.sandboxLauncher) return opts.sandboxLauncher
  const entry = builtChildEntry()
  if (entry) return nodeSandboxLauncher(entry)
  if (import.meta.url.endsWith('.ts')) return 'in-process' as const
  throw new Error('The Local sandbox bundle (sandbox-child.mjs) is missing beside the app: rebuild with npm run build.')
}

/** What the writer is told of a job file that is not a job (main/queue/job-store.ts sets it aside). */
export function corruptJobNotification(bad: CorruptJob): Events['notification'] {
  return {
    level: 'warning',
    title: `A publish job could not be read and was set aside (job ${bad.id})`,
    body:
      `Its file was damaged; it is kept as ${bad.keptAs}. It will not be sent again, because it may ` +
      'already have reached the server: check the server before you publish that draft again.',
  }
}

/** Builds the application core for one data directory. Every face calls this, nothing else. */
export async function startCore(opts: CoreOptions): Promise<Core> {
  const dataDir = opts.dataDir
  // A read-only folder or a full disk fails here, clearly, before any lock, port or child.
  await prepareDataFolder(dataDir)
  const settings = opts.settings ?? openSettings(dataDir)
  const secrets = opts.secrets ?? fileSecrets(dataDir)
  const drafts = openDraftStore(dataDir, { historyPolicy: historyPolicy(() => settings) })
  const events = new EventBus()
  // Told to every face that connects (a tab opened later too), since start-up precedes them all.
  const startupNotes: Events['notification'][] = []
  let listening = false
  const jobs = await JobStore.open(dataDir, writeJsonDurable, (bad) => {
    const note = corruptJobNotification(bad)
    if (listening) events.emit('notification', note)
    else startupNotes.push(note)
  })
  // The history listens on the same path the toasts do: whatever is said anywhere is kept.
  const notices = recordNotices(dataDir, events)
  const wire = new WireLogStore(dataDir, (entry) => events.emit('wire.entry', entry))
  const fetchImpl = opts.fetch ?? globalThis.fetch

  let sandbox: LocalSandbox | undefined
  if (opts.sandbox !== false) {
    sandbox = await startLocalSandbox(dataDir, settings, secrets, {
      run: sandboxRunner(opts),
      onState: (state) => {
        events.emit('sandbox.state', state)
        // A death, and the restart after it, are worth a word to the writer; the first start is not.
        if (state.state === 'running' && state.restarts === 0) return
        events.emit('notification', {
          level: state.state === 'running' ? 'info' : 'warning',
          title: state.message,
          ...(state.state === 'running' ? {} : { body: 'Drafts keep saving; publishing to it waits and retries.' }),
        })
      },
    })
  }

  const info: AppInfo = {
    name: 'Upstream',
    version: APP_VERSION,
    dataDir,
    face: opts.face,
    secretsEncrypted: secrets.encrypted,
    ...(sandbox?.endpoint() ? { sandboxUrl: sandbox.endpoint() } : {}),
  }

  let ctx!: AppContext
  const notify = jobNotifications(jobs.list(), (n, job) =>
    events.emit('notification', { ...n, jobId: job.id, draftId: job.draftId }),
  )
  const publisher = new Publisher({
    store: jobs,
    ...queueWiring(() => ctx),
    onChange: (job) => {
      events.emit('queue.job', job)
      notify(job)
    },
  })
  ctx = {
    info,
    dataDir,
    settings,
    secrets,
    drafts,
    jobs,
    publisher,
    events,
    wire,
    fetch: fetchImpl,
    // The limits are read on every call: a changed setting applies to the next call.
    clientFor: (account: Account) =>
      accountClient(account, secrets, fetchImpl, wire, settings.get().preferences.transfer),
    account: (id: string) =>
      settings.get().accounts.find((a) => a.id === id) ?? failWith('not-found', `There is no account with id ${id}.`),
    weblog: new WeblogRuntime(() => ctx),
    notices,
  }

  // One publisher per data directory: a second app or CLI sees the queue but does not run it,
  // and takes it over when the first exits.
  const queue = await hostQueue({ dataDir, store: jobs, publisher })
  // Abandoned staged uploads go after a day (main/store/stage.ts), checked now and hourly.
  const sweep = () => void sweepStaging(dataDir).catch(() => {})
  sweep()
  const sweeper = setInterval(sweep, 60 * 60 * 1000)
  sweeper.unref()
  // Subscriptions and "upstream on change" start in the background: syncs they ask for are queued jobs.
  ctx.weblog.start()

  return {
    info,
    invoke: (channel, input) => dispatch(ctx, channel, input),
    isChannel,
    onEvent(listener) {
      listening = true
      for (const note of startupNotes) listener('notification', note)
      return events.on(listener)
    },
    async close() {
      // Attempts under way settle (and are written) before the lock is freed and the sandbox stops.
      clearInterval(sweeper)
      await ctx.weblog.close()
      await queue.close()
      await drafts.flush()
      await wire.flush()
      await sandbox?.close()
    },
  }
}
