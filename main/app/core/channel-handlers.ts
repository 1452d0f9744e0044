import type { ChannelName, Input, Output } from '../../../shared/api'
import type { AppContext } from './context'
import { listAccounts, removeAccount, saveAccount } from '../accounts/channels/accounts'
import { forgotPassword, registerAccount } from '../accounts/channels/accounts-register'
import { testAccount } from '../accounts/channels/connection-test'
import { blogCategories, listBlogs } from '../blog/channels/blog'
import { deleteBlogPost } from '../blog/channels/blog-delete'
import { openPost, recentPosts } from '../blog/channels/blog-posts'
import { listTopics } from '../discussion/channels/discussion'
import { getDraft, listDrafts, renderDraft, saveDraft } from '../drafts/channels/drafts'
import { attachFile, detachFile, exportDrafts } from '../drafts/channels/drafts-files'
import { openFromServer, resolveConflict } from '../drafts/channels/drafts-server'
import { getVersion, listVersions } from '../drafts/channels/drafts-versions'
import { inspectorCall, inspectorMethods } from '../inspector/channels/inspector'
import { clearNotices, listNotices } from '../notifications/channels/notifications'
import { publishDraft } from '../queue/channels/publish'
import { cancelJob, listQueue, pauseJobs, resolveJob, resumeJobs, retryJob } from '../queue/channels/queue'
import { dryRunSite, getSiteStatus, syncSiteNow } from '../weblog/channels/site'
import { listSubscriptions, subscribe, unsubscribe } from '../weblog/channels/site-subscriptions'
import { listPosts, publishPost, removePost } from '../weblog/channels/weblog'
import { getWeblogSettings, saveWeblogSettings } from '../weblog/channels/weblog-settings'

/** Its input was checked against its schema (channel-schemas.ts) before it runs: it is the contract's. */
export type Handler<C extends ChannelName> = (ctx: AppContext, input: Input<C>) => Promise<Output<C>>

/**
 * One handler per channel. The mapped type makes a missing handler a compile error, and dispatch
 * only ever looks names up in this object's own keys.
 */
export const handlers: { [C in ChannelName]: Handler<C> } = {
  'app.info': async (ctx) => ctx.info,
  'drafts.list': listDrafts,
  'drafts.get': getDraft,
  'drafts.save': saveDraft,
  'drafts.render': renderDraft,
  'drafts.openFromServer': openFromServer,
  'drafts.resolveConflict': resolveConflict,
  'drafts.attach': attachFile,
  'drafts.detach': detachFile,
  'drafts.export': exportDrafts,
  'drafts.versions': listVersions,
  'drafts.version': getVersion,
  'discussion.topics': listTopics,
  'blog.blogs': listBlogs,
  'blog.categories': blogCategories,
  'blog.recentPosts': recentPosts,
  'blog.openPost': openPost,
  'blog.deletePost': deleteBlogPost,
  'accounts.list': (ctx) => listAccounts(ctx),
  'accounts.save': saveAccount,
  'accounts.remove': removeAccount,
  'accounts.test': testAccount,
  'accounts.register': registerAccount,
  'accounts.forgotPassword': forgotPassword,
  'inspector.call': inspectorCall,
  'inspector.methods': inspectorMethods,
  'publish.draft': publishDraft,
  'queue.list': (ctx) => listQueue(ctx),
  'queue.retry': retryJob,
  'queue.pause': pauseJobs,
  'queue.resume': resumeJobs,
  'queue.cancel': cancelJob,
  'queue.resolve': resolveJob,
  'inspector.list': async (ctx) => ctx.wire.list(),
  'weblog.posts.list': listPosts,
  'weblog.posts.publish': publishPost,
  'weblog.posts.remove': removePost,
  'weblog.settings.get': getWeblogSettings,
  'weblog.settings.save': saveWeblogSettings,
  'site.status': getSiteStatus,
  'site.dryRun': dryRunSite,
  'site.sync': syncSiteNow,
  'site.subscribe': subscribe,
  'site.unsubscribe': unsubscribe,
  'site.subscriptions': listSubscriptions,
  'notifications.list': (ctx) => listNotices(ctx),
  'notifications.clear': (ctx) => clearNotices(ctx),
}
