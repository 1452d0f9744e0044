import { appError } from '../../../../shared/errors'
import type { CandidateDetail, Job } from '../../../../shared/model'
import { findSentPosts } from '../../../protocols/blog/find-sent-post'
import { readerText } from '../../../protocols/blog/html-compare'
import type { FetchedPost } from '../../../protocols/blog/read-post'
import type { LookupContext, LookupResult } from '../../../queue/performer'
import { blogLoginOf } from '../blog-login'
import { postInputOf } from './blog-post-input'
import type { PerformerDeps } from '../../core/performer-deps'
import { errorOf } from '../../queue/error-of'
import { signIn } from '../../queue/sign-in'

/**
 * Looks for the post an unknown blog.newPost may have made: same title, dated since the attempt
 * began (or at the date it was sent with), not already another job's. Only candidates come back
 * from the blog; absence never licenses a re-send — a post may be held for review or filtered —
 * so `none` means "look again later, then ask the person" (see discuss-find-posted).
 */
export async function lookUpSentPost(deps: PerformerDeps, job: Job, ctx: LookupContext): Promise<LookupResult> {
  const p = job.post
  if (!p) return { kind: 'cannot', error: appError('internal', 'This job carries no post to look for.') }
  const who = await signIn(deps, job)
  if ('kind' in who) return { kind: 'cannot', error: who.error }
  const login = blogLoginOf(who)
  if ('kind' in login) return { kind: 'cannot', error: login.error }
  const since = new Date(job.uncertain?.since ?? job.attemptStartedAt ?? job.updatedAt)
  let search
  try {
    search = await findSentPosts(login, postInputOf(p, p.description), since, { now: deps.now(), signal: ctx.signal })
  } catch (e) {
    return {
      kind: 'failed',
      error: errorOf(e, { method: 'metaWeblog.getRecentPosts', url: who.account.url, account: who.account.name }),
    }
  }
  const mine = search.candidates.filter((c) => !ctx.claimed.has(c.id))
  if (mine.length === 1)
    return { kind: 'found', result: { msgnum: mine[0].wireId, ...(mine[0].link ? { url: mine[0].link } : {}) } }
  if (mine.length > 1) {
    const ids = mine.map((c) => c.id).join(', ')
    return {
      kind: 'several',
      candidates: mine.map((c) => c.wireId),
      details: mine.map(detailOf),
      error: appError(
        'conflict',
        `The blog has ${mine.length} posts titled “${p.title}” made since this one was sent (post ids ${ids}). Say which one is this post, or that none is.`,
      ),
    }
  }
  const reach = search.reachesBack
    ? `since ${since.toISOString()}`
    : `— the blog's listing does not reach back to ${since.toISOString()}`
  return {
    kind: 'none',
    error: appError(
      'not-found',
      `The answer to this post was lost and Upstream did not find it among the ${search.looked} newest posts ${reach}. It may still have been posted (held for review, or filtered): check the blog, then say whether it was.`,
    ),
  }
}

/** A look-alike as the person will see it in "Was it posted?": title, date and the first words. */
function detailOf(p: FetchedPost): CandidateDetail {
  const text = readerText(p.description)
  return {
    id: p.wireId,
    title: readerText(p.title),
    date: p.dateCreated,
    preview: text.length > 160 ? `${text.slice(0, 157)}…` : text,
    ...(p.link ? { link: p.link } : {}),
  }
}
