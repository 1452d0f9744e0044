/**
 * The templates a new site starts with, written into `<site>/#templates/` on first render and
 * never again: from then on they are the user's. Values are listed in docs/weblog.md.
 */
export type TemplateName = 'home' | 'post' | 'archive'
export const TEMPLATE_NAMES: readonly TemplateName[] = ['home', 'post', 'archive']

const head = (title: string) => `<!DOCTYPE html>
<html lang="{{weblog.language}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="alternate" type="application/rss+xml" title="{{weblog.title}}" href="{{weblog.feedUrl}}">
<style>
body { font: 17px/1.55 Georgia, serif; max-width: 42em; margin: 2em auto; padding: 0 1em; color: #222; }
header a { color: inherit; text-decoration: none; } .date, nav, footer { font: 14px/1.4 system-ui, sans-serif; color: #666; }
article { margin: 2.5em 0; } .categories span { margin-right: .6em; } img { max-width: 100%; }
</style>
</head>
<body>
<header><h1><a href="{{weblog.url}}">{{weblog.title}}</a></h1><p>{{weblog.description}}</p></header>
`

const article = (heading: string) => `<article>
${heading}
<p class="date"><time datetime="{{isoDate}}">{{date}}</time></p>
{{{html}}}
{{#categories.length}}<p class="categories">Filed under {{#categories}}<span>{{name}}</span>{{/categories}}</p>{{/categories.length}}
</article>
`

const foot = `<nav>Archives: {{#months}}<a href="{{url}}">{{label}}</a> ({{count}}) {{/months}}</nav>
<footer><a href="{{weblog.feedUrl}}">RSS feed</a> · made with {{generator}}</footer>
</body>
</html>
`

export const DEFAULT_TEMPLATES: Record<TemplateName, string> = {
  home: `${head('{{weblog.title}}')}<main>
{{#posts}}${article('<h2><a href="{{url}}">{{title}}</a></h2>')}{{/posts}}
{{^posts}}<p>No posts yet.</p>{{/posts}}
</main>
${foot}`,
  post: `${head('{{post.title}} — {{weblog.title}}')}<main>
{{#post}}${article('<h2>{{title}}</h2>')}{{/post}}
</main>
${foot}`,
  archive: `${head('{{month.label}} — {{weblog.title}}')}<main>
<h2>{{month.label}}</h2>
{{#posts}}${article('<h3><a href="{{url}}">{{title}}</a></h3>')}{{/posts}}
</main>
${foot}`,
}
