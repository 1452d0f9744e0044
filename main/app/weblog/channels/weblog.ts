import type { Input } from '../../../../shared/api'
import type { Account, Draft, Job } from '../../../../shared/model'
import type { WeblogPost } from '../../../../shared/weblog'
import { loadWeblogConfig } from '../../../weblog/config-store'
import { postFromDraft } from '../../../weblog/post-from-draft'
import { PostStore } from '../../../weblog/post-store'
import { postPaths } from '../../../weblog/site-layout'
import type { AppContext } from '../../core/context'
import { failWith } from '../../core/failure'
import { returnedUrls } from '../returned-urls'
import { queueSiteSync } from '../site-sync-job'
import { engineCall, engineTask, weblogAccount, weblogOf } from '../weblog-account'
import { postView } from '../weblog-shapes'

/** Newest first, each with its permalink path and the URL the server returned for it (once upstreamed). */
export async function listPosts(ctx: AppContext, input: Input<'weblog.posts.list'>): Promise<WeblogPost[]> {
  const { account, site, loc } = weblogAccount(ctx, input)
  return engineTask(async () => {
    const posts = await new PostStore(loc.posts).list()
    const { config } = await loadWeblogConfig(loc, account.name)
    const paths = postPaths(posts, config.timeZone)
    const urlOf = await returnedUrls(loc, site)
    return posts
      .map((p) => postView(p, paths.get(p.id)!, urlOf(paths.get(p.id)!)))
      .sort((a, b) => Date.parse(b.date) - Date.parse(a.date) || a.id.localeCompare(b.id))
  })
}

export async function publishPost(ctx: AppContext, input: Input<'weblog.posts.publish'>): Promise<Job> {
  const { account } = weblogAccount(ctx, input)
  const { draftId } = input
  const draft = (await ctx.drafts.get(draftId)) ?? failWith('not-found', `There is no draft with id ${draftId}.`)
  return publishToWeblog(ctx, draft, account, input.categories)
}

/**
 * Saves the draft as a post (a post published before keeps its date, so its permalink) and queues
 * a sync, which renders the site and upstreams what changed. Also what Write's Publish does for a
 * weblog post on a community account.
 */
export async function publishToWeblog(
  ctx: AppContext,
  draft: Draft,
  account: Account,
  categories?: string[],
): Promise<Job> {
  const { loc } = weblogOf(ctx, account)
  if (draft.kind !== 'post')
    return failWith(
      'invalid-input',
      `“${draft.title || 'Untitled'}” is a ${draft.kind === 'page' ? 'web page' : 'discussion message'}; set its Kind to Weblog post in Write to publish it on the weblog.`,
    )
  const store = new PostStore(loc.posts)
  await engineTask(async () => {
    const previous = await store.get(draft.id)
    await store.save(engineCall(() => postFromDraft(draft, previous, { categories: categories ?? draft.categories })))
  })
  return queueSiteSync(ctx, account, draft.id)
}

/** Takes the post off the weblog; the sync queued with it removes its page from the server. */
export async function removePost(
  ctx: AppContext,
  input: Input<'weblog.posts.remove'>,
): Promise<{ removed: true; job: Job }> {
  const { account, loc } = weblogAccount(ctx, input)
  const { id } = input
  if (!(await engineTask(() => new PostStore(loc.posts).remove(id))))
    return failWith(
      'not-found',
      `There is no post ${id} on the weblog of ${account.name}; list the posts again to see what is there.`,
    )
  return { removed: true, job: await queueSiteSync(ctx, account) }
}
