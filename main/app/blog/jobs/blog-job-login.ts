import type { BlogLogin } from '../../../protocols/blog/blog-login'
import type { Outcome } from '../../../queue/outcome'
import { blogLogin } from '../blog-login'
import { errorOf } from '../../queue/error-of'
import type { SignedIn } from '../../queue/sign-in'

/** The signed-in account as a blog login, or the outcome asking the person to pick a blog. */
export function blogLoginOf(who: SignedIn): BlogLogin | Extract<Outcome, { kind: 'attention' }> {
  try {
    return blogLogin(who.account, who.client, who.password)
  } catch (e) {
    return { kind: 'attention', error: errorOf(e) }
  }
}
