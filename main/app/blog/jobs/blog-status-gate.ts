import type { Job, JobPost } from '../../../../shared/model'
import type { BlogLogin } from '../../../protocols/blog/blog-login'
import { mayPublishPrivate, mayStick } from '../../../protocols/blog/wp-profile'
import { appError } from '../../../../shared/errors'
import type { Outcome } from '../../../queue/outcome'
import type { PerformerDeps } from '../../core/performer-deps'
import { learnRoles } from '../blog-role'

/**
 * Sticky and private only go where the learned role allows them: WordPress answers 401 to an Author
 * whose post merely carries a sticky member, and refuses a Contributor's private post. Asked before
 * anything is sent, so the writer is told what to change rather than a bare 401. Unknown roles: try.
 */
export async function statusGate(deps: PerformerDeps, login: BlogLogin, job: Job): Promise<Outcome | undefined> {
  const p = job.post
  if (!p || (p.sticky === undefined && p.status !== 'private')) return undefined
  const roles = await learnRoles(deps.dataDir, job.accountId, login, deps.now()).catch(() => null)
  const why = statusRefusal(p, roles)
  return why === undefined ? undefined : refuse(why)
}

/** Why WordPress would refuse these choices for these roles (null: unknown, let the blog say); undefined: fine. */
export function statusRefusal(
  p: Pick<JobPost, 'sticky' | 'status' | 'password'>,
  roles: string[] | null,
): string | undefined {
  if (p.sticky === true && (p.status === 'private' || (p.password ?? '') !== ''))
    return 'WordPress does not let a private or password-protected post be sticky. Clear Sticky, or make the post public without a password.'
  if (roles === null) return undefined
  const who = roles[0] ? `a ${roles[0].charAt(0).toUpperCase()}${roles[0].slice(1)}` : 'without a role'
  if (p.sticky !== undefined && !mayStick(roles))
    return `Your account on this blog is ${who}: WordPress lets only Editors and Administrators set “Sticky” (it refuses the whole post otherwise). Clear the Sticky choice in the editor, or ask an Editor to stick the post, then publish again.`
  if (p.status === 'private' && !mayPublishPrivate(roles))
    return `Your account on this blog is ${who}: it may not publish private posts. Choose “Pending review” or “Server draft”, then publish again.`
  return undefined
}

const refuse = (message: string): Outcome => ({
  kind: 'attention',
  error: appError('invalid-input', message, { field: 'postStatus' }),
})
