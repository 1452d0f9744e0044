import type { Member } from './members'

/** WordPress's roles, as far as the sandbox blog plays them. */
export type BlogRole = 'administrator' | 'author' | 'contributor'

/**
 * A member's role on their own blog. The owner of a WordPress site is its administrator; a tester
 * wanting an Author's or a Contributor's limits registers with `+author` or `+contributor` in the
 * e-mail's local part (ann+author@example.test), so the same sandbox plays all three.
 */
export function roleOf(member: Pick<Member, 'email'>): BlogRole {
  const local = member.email.split('@')[0].toLowerCase()
  if (/\+contributor\b/.test(local)) return 'contributor'
  if (/\+author\b/.test(local)) return 'author'
  return 'administrator'
}

/** WordPress gives unfiltered_html to administrators (and editors) only. */
export const mayPostUnfilteredHtml = (role: BlogRole): boolean => role === 'administrator'

// What kses takes out for an account without unfiltered_html (the elements a post may not carry).
const FORBIDDEN = ['iframe', 'object', 'embed', 'form', 'input', 'style', 'applet']

/**
 * Like wp_kses_post for an Author: forbidden elements go (with their content for raw-text ones),
 * event handler attributes and javascript: links go. Tags of the kept elements stay as written.
 */
export function ksesPost(html: string): string {
  let out = html
  for (const tag of FORBIDDEN) {
    out = out.replace(new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?</${tag}\\s*>`, 'gi'), '')
    out = out.replace(new RegExp(`</?${tag}\\b[^>]*>`, 'gi'), '')
  }
  return out.replace(/<([a-z][a-z0-9]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi, (_m, name: string, attrs: string) => {
    const kept = attrs
      .replace(/\s+on[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, '')
      .replace(/\s+(href|src)\s*=\s*(["']?)\s*javascript:[^"'\s>]*\2/gi, '')
    return `<${name}${kept}>`
  })
}

/** WordPress stores a title's & < > as entities for an account without unfiltered_html. */
export const encodeTitle = (title: string): string =>
  title
    .replace(/&(?!(?:[a-z]+|#\d+|#x[0-9a-f]+);)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
