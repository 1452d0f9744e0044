import type { SandboxContext } from './context'
import type { Blog, BlogPost, BlogStore } from './blog-store'
import { BLOG_FOLDER, postPagePath, type BlogUrls } from './blog-post-struct'
import { escapeHtml, html, Html } from './html'
import { KeyedLock } from './keyed-lock'
import { urlPath } from './paths'

// Pages are the sandbox's own output, so the member's upload limits do not apply to them.
const UNLIMITED = { maxFileSize: Number.MAX_SAFE_INTEGER, maxBytesPerUser: Number.MAX_SAFE_INTEGER }
// A post body is the member's HTML and shows as such; nothing in it may run on this origin.
const CSP = `<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; base-uri 'none'">`

/**
 * Each blog as static pages in its owner's web space, served by the sandbox's file routes:
 * /webhost/USERNUM/blog/ (home, with the RSD link that endpoint discovery reads), rsd.xml, and
 * posts/SLUG.html for every published post. Links inside are relative, and rsd.xml names /RPC2
 * root-relative, because a restarted sandbox may listen on another port than the one it rendered for.
 */
export class BlogPages {
  private readonly lock = new KeyedLock()

  constructor(
    private readonly ctx: SandboxContext,
    private readonly store: BlogStore,
  ) {}

  urls(blog: Blog): BlogUrls {
    const home = `${this.ctx.baseUrl()}${this.ctx.files.urlPath('webhost', blog.id, BLOG_FOLDER)}/`
    return { home, post: (p) => `${home}posts/${urlPath(p.slug)}.html` }
  }

  /** Re-renders the home page and rsd.xml, writes `changed`'s page, removes pages of posts no longer public. */
  publish(blog: Blog, changed?: BlogPost): Promise<void> {
    return this.lock.run(blog.id, async () => {
      const live = this.store.postsOf(blog.id).filter((p) => p.status === 'publish')
      const put = (rel: string, text: string, type: string) =>
        this.ctx.files.put(
          'webhost',
          blog.id,
          rel,
          Buffer.from(text, 'utf8'),
          { ...this.ctx.limits, ...UNLIMITED },
          type,
        )
      await put(`${BLOG_FOLDER}/index.html`, homePage(blog, live), 'text/html')
      await put(`${BLOG_FOLDER}/rsd.xml`, rsd(blog), 'application/rsd+xml')
      if (changed?.status === 'publish') await put(postPagePath(changed), postPage(blog, changed), 'text/html')
      const keep = new Set(live.map(postPagePath))
      for (const f of this.ctx.files.list('webhost', blog.id)) {
        if (f.relativePath.startsWith(`${BLOG_FOLDER}/posts/`) && !keep.has(f.relativePath))
          await this.ctx.files.remove('webhost', blog.id, f.relativePath)
      }
    })
  }
}

function page(title: string, head: Html, body: Html): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8">${new Html(CSP)}<title>${title}</title>${head}
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}img{max-width:100%}.meta{color:#666}</style></head>
<body>${body}</body></html>
`.text
}

function homePage(blog: Blog, posts: BlogPost[]): string {
  return page(
    blog.name,
    html`<link rel="EditURI" type="application/rsd+xml" title="RSD" href="rsd.xml">`,
    html`<h1>${blog.name}</h1><p class="meta">A blog on the Upstream sandbox: post with the MetaWeblog or Blogger API at /RPC2.</p>
${posts.length === 0 ? html`<p>No posts yet.</p>` : html`<ul>${posts.map((p) => html`<li><a href="posts/${urlPath(p.slug)}.html">${p.title || '(untitled)'}</a> <span class="meta">${p.date}</span></li>`)}</ul>`}`,
  )
}

function postPage(blog: Blog, p: BlogPost): string {
  const categories = p.categoryIds.flatMap((id) => blog.categories.filter((c) => c.id === id).map((c) => c.name))
  return page(
    p.title || blog.name,
    html`<link rel="EditURI" type="application/rsd+xml" title="RSD" href="../rsd.xml">`,
    html`<p class="meta"><a href="../">${blog.name}</a></p><h1>${p.title}</h1><p class="meta">${p.date} · ${categories.join(', ')}${p.tags.length ? ` · tags: ${p.tags.join(', ')}` : ''}</p>
<div class="post">${new Html(p.content)}</div>`,
  )
}

function rsd(blog: Blog): string {
  const id = escapeHtml(blog.id)
  return `<?xml version="1.0" encoding="UTF-8"?>
<rsd version="1.0" xmlns="http://archipelago.phrasewise.com/rsd">
  <service>
    <engineName>Upstream sandbox</engineName>
    <homePageLink>./</homePageLink>
    <apis>
      <api name="MetaWeblog" blogID="${id}" preferred="true" apiLink="/RPC2" />
      <api name="Blogger" blogID="${id}" preferred="false" apiLink="/RPC2" />
    </apis>
  </service>
</rsd>
`
}
