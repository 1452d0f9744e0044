import type { JobAction } from '../../../shared/model'
import type { Performer } from '../../queue/performer'
import type { AppContext } from '../context'
import { depsFromContext, type PerformerDeps } from './deps'
import { discussNewMessagePerformer } from './discuss-new-message'
import { discussSaveMessagePerformer } from './discuss-save-message'
import { probeFor } from './probe'
import { webHostPutPerformer } from './webhost-put'

/** One performer per job action; the mapped type makes a missing one a compile error. */
export function performersWith(deps: PerformerDeps): Record<JobAction, Performer> {
  return {
    'webhost.put': webHostPutPerformer(deps),
    'discuss.newMessage': discussNewMessagePerformer(deps),
    'discuss.saveMessage': discussSaveMessagePerformer(deps),
  }
}

/** The publisher's app-side half: performers and the network probe, over the app context. */
export function queueWiring(ctx: () => AppContext) {
  const deps = depsFromContext(ctx)
  return { performers: performersWith(deps), probe: probeFor(deps) }
}
