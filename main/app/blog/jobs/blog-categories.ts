import type { Job } from '../../../../shared/model'
import type { BlogLogin } from '../../../protocols/blog/blog-login'
import { BlogFault } from '../../../protocols/blog/blog-fault'
import { outcomeOf, type Outcome } from '../../../queue/outcome'
import type { PerformerDeps } from '../../core/performer-deps'
import { errorOf } from '../../queue/error-of'
import { createCategories, planCategories } from '../blog-new-categories'

/**
 * A post's categories the blog does not have yet are created first (WordPress silently drops
 * unknown names), where the account may: a refusal (401) or a role that may not means the post
 * goes without them, which the writer chose at publish time and the kept-vs-sent report states.
 * Creating is idempotent enough to repeat: a retry finds the category there and skips it.
 */
export async function ensureCategories(deps: PerformerDeps, login: BlogLogin, job: Job): Promise<Outcome | undefined> {
  if (!job.post?.categories?.length) return undefined
  try {
    const plan = await planCategories(deps.dataDir, job.accountId, login, job.post.categories, deps.now())
    if (plan.missing.length > 0 && plan.mayCreate !== false) await createCategories(login, plan.missing)
    return undefined
  } catch (e) {
    if (e instanceof BlogFault && e.faultKind === 'forbidden') return undefined
    return outcomeOf(errorOf(e, { url: login.client.url, method: 'wp.newTerm' }), true, deps.now())
  }
}
