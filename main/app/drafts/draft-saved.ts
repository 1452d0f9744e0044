import type { Draft } from '../../../shared/model'
import type { AppContext } from '../core/context'

/** Tells every window that a draft's durable copy changed (an edit, a publish record, a base or conflict). */
export function announce(ctx: AppContext, draft: Draft): Draft {
  ctx.events.emit('draft.saved', { id: draft.id, revision: draft.revision, updatedAt: draft.updatedAt })
  return draft
}
