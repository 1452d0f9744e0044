import type { JobAction } from '../../../shared/model'
import type { Performer } from '../../queue/performer'
import type { AppContext } from './context'
import { blogDeletePostPerformer } from '../blog/jobs/blog-delete-post'
import { blogEditPostPerformer } from '../blog/jobs/blog-edit-post'
import { blogNewPostPerformer } from '../blog/jobs/blog-new-post'
import { depsFromContext, type PerformerDeps } from './performer-deps'
import { discussNewMessagePerformer } from '../discussion/jobs/discuss-new-message'
import { discussSaveMessagePerformer } from '../discussion/jobs/discuss-save-message'
import { probeFor } from '../queue/probe'
import { siteSyncPerformer } from '../weblog/jobs/site-sync'
import { webHostPutPerformer } from '../webhost/jobs/webhost-put'

/** One performer per job action; the mapped type makes a missing one a compile error. */
export function performersWith(deps: PerformerDeps): Record<JobAction, Performer> {
  return {
    'webhost.put': webHostPutPerformer(deps),
    'discuss.newMessage': discussNewMessagePerformer(deps),
    'discuss.saveMessage': discussSaveMessagePerformer(deps),
    'blog.newPost': blogNewPostPerformer(deps),
    'blog.editPost': blogEditPostPerformer(deps),
    'blog.deletePost': blogDeletePostPerformer(deps),
    'site.sync': siteSyncPerformer(deps),
  }
}

/** The publisher's app-side half: performers and the network probe, over the app context. */
export function queueWiring(ctx: () => AppContext) {
  const deps = depsFromContext(ctx)
  return { performers: performersWith(deps), probe: probeFor(deps) }
}
