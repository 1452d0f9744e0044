import MarkdownIt from 'markdown-it'
import { escapeMarkup } from './escape'
import type { Post } from './post'

// Raw HTML inside Markdown is kept: these are the author's own pages, as an HTML post would be.
const markdown = new MarkdownIt({ html: true, linkify: true })

/** The post's body as HTML, whatever it was written in. */
export function postHtml(post: Pick<Post, 'body' | 'format'>): string {
  switch (post.format) {
    case 'html':
      return post.body
    case 'markdown':
      return markdown.render(post.body)
    case 'text':
      return post.body
        .replace(/\r\n?/g, '\n')
        .split(/\n{2,}/)
        .filter((p) => p.trim() !== '')
        .map((p) => `<p>${escapeMarkup(p.trim()).replace(/\n/g, '<br>\n')}</p>`)
        .join('\n')
  }
}
