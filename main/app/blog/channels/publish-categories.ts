import type { Account, Draft } from '../../../../shared/model'
import type { AppContext } from '../../core/context'
import { failWith } from '../../core/failure'
import { blogLoginFor } from '../blog-login'
import { cannotCreateMessage, planCategories } from '../blog-new-categories'

/**
 * Before a post with categories the blog lacks is queued: where the account may not create them
 * (an Author, a Contributor), say so now and let the writer choose — publish without them
 * (`dropMissingCategories`), or change the categories. Where it may, the job creates them before
 * posting. Offline or unreadable: the job goes ahead, and its kept-vs-sent report tells.
 */
export async function checkNewCategories(
  ctx: AppContext,
  draft: Draft,
  account: Account,
  dropMissing: boolean,
): Promise<void> {
  if (dropMissing || !draft.categories?.length || draft.accountId !== account.id) return
  let plan
  try {
    const login = await blogLoginFor(ctx, account, 'Publishing')
    plan = await planCategories(ctx.dataDir, account.id, login, draft.categories, new Date())
  } catch {
    return
  }
  if (plan.mayCreate === false)
    failWith('invalid-input', cannotCreateMessage(plan.missing, plan.roles), {
      field: 'categories',
      missingCategories: plan.missing,
      choice: 'dropMissingCategories',
    })
}
