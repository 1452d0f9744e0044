import type { KeptNote, KeptReport } from '../../../shared/model'
import { htmlDifference, readerText } from './html-compare'
import type { BlogPostInput } from './post-struct'
import type { PostSnapshot } from './read-post'
import { zonedToDate } from './zoned-time'

/** What went out with newPost/editPost: the struct's fields and the publish flag. */
export interface SentPost {
  input: BlogPostInput
  publish: boolean
}

/**
 * Every field sent, set against the post as the server kept it (read back right after). A field
 * the writer's readers would meet differently is a warning; WordPress's routine rewrites (entity
 * encoding, whitespace, paragraphs, slug normalisation) are information. `server` names the blog
 * engine in the sentences ("WordPress", "The blog").
 */
export function keptReport(sent: SentPost, kept: PostSnapshot, server: string, now: Date): KeptReport {
  const notes: KeptNote[] = [
    ...textField('title', 'title', sent.input.title, kept.title, server),
    ...bodyNotes(sent.input.description, kept.description, server),
    ...listField('categories', 'category', sent.input.categories, kept.categories, server),
    ...listField('tags', 'tag', sent.input.keywords, kept.keywords, server),
    ...textField('excerpt', 'excerpt', sent.input.excerpt, kept.excerpt, server),
    ...slugNotes(sent.input.slug, kept.slug, server),
    ...statusNotes(sent, kept, server, now),
    ...dateNotes(sent, kept, server),
  ]
  return { checkedAt: now.toISOString(), notes }
}

const quote = (s: string): string => `‘${s.length > 60 ? `${s.slice(0, 57)}…` : s}’`

function textField(
  field: KeptNote['field'],
  noun: string,
  sent: string | undefined,
  kept: string,
  server: string,
): KeptNote[] {
  if (sent === undefined || sent === kept) return []
  if (readerText(sent) === readerText(kept))
    return [
      { field, level: 'info', text: `${server} stored the ${noun} with its characters encoded; it reads the same.` },
    ]
  return [{ field, level: 'warning', text: `${server} kept the ${noun} as ${quote(kept)}, not ${quote(sent)}.` }]
}

function bodyNotes(sent: string, kept: string, server: string): KeptNote[] {
  if (sent === kept) return []
  const d = htmlDifference(sent, kept)
  if (d.sameForReader)
    return [
      {
        field: 'body',
        level: 'info',
        text: `${server} adjusted the body’s markup (whitespace, paragraphs, entities); it reads the same.`,
      },
    ]
  const notes: KeptNote[] = []
  const removed = [
    ...d.removedTags.map(([t, n]) => counted(n, `<${t}>`)),
    ...d.removedAttributes.map(([k, n]) => attr(k, n)),
  ]
  // Scripts alone: some blogs (the Local sandbox) take them out for everyone, so do not blame the role.
  const onlyScripts = d.removedAttributes.length === 0 && d.removedTags.every(([t]) => t === 'script')
  const why = onlyScripts
    ? 'the blog does not keep scripts for your account'
    : 'your account may not post unfiltered HTML'
  if (removed.length > 0)
    notes.push({
      field: 'body',
      level: 'warning',
      text: `${server} removed ${joinWords(removed)} from the body — ${why}.`,
    })
  if (d.changedAttributes.length > 0)
    notes.push({
      field: 'body',
      level: 'warning',
      text: `${server} changed ${joinWords(d.changedAttributes.map((k) => attr(k, 1)))} in the body.`,
    })
  if (d.textChanged && removed.length === 0)
    notes.push({ field: 'body', level: 'warning', text: `${server} kept different words in the body than were sent.` })
  const added = d.addedTags.filter(([t]) => t !== 'p' && t !== 'br')
  if (added.length > 0)
    notes.push({
      field: 'body',
      level: 'info',
      text: `${server} added ${joinWords(added.map(([t, n]) => counted(n, `<${t}>`)))}.`,
    })
  return notes.length > 0
    ? notes
    : [{ field: 'body', level: 'info', text: `${server} adjusted the body’s markup; it reads the same.` }]
}

const counted = (n: number, what: string): string =>
  n === 1 ? `${/^<[aeiou]/i.test(what) ? 'an' : 'a'} ${what}` : `${n} ${what}`

function attr(key: string, n: number): string {
  const [tag, name] = key.split(' ')
  return `${n === 1 ? 'an' : n} \`${name}\` attribute${n === 1 ? '' : 's'} (on <${tag}>)`
}

function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

// Names compare as a reader sees them, without regard to case (WordPress matches category names so).
const sameName = (a: string, b: string): boolean => readerText(a).toLowerCase() === readerText(b).toLowerCase()

function listField(
  field: KeptNote['field'],
  noun: string,
  sent: string[] | undefined,
  kept: string[],
  server: string,
): KeptNote[] {
  if (sent === undefined) return []
  const wanted = sent.map((s) => s.trim()).filter((s) => s !== '')
  const dropped = wanted.filter((s) => !kept.some((k) => sameName(k, s)))
  const added = kept.filter((k) => !wanted.some((s) => sameName(k, s)))
  const notes: KeptNote[] = dropped.map((s) => ({
    field,
    level: 'warning' as const,
    text: `${server} dropped the ${noun} ${quote(s)}.`,
  }))
  if (added.length > 0)
    notes.push({
      field,
      // WordPress files a post with no (known) category under its default one: routine.
      level: 'info',
      text: `${server} added the ${noun}${added.length === 1 ? '' : 's'} ${added.map(quote).join(', ')}.`,
    })
  return notes
}

function slugNotes(sent: string | undefined, kept: string, server: string): KeptNote[] {
  if (sent === undefined || sent === '' || sent === kept) return []
  const normal = sent
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (kept === normal)
    return [{ field: 'slug', level: 'info', text: `${server} normalised the slug to ${quote(kept)}.` }]
  if (kept.startsWith(`${normal}-`) && /^\d+$/.test(kept.slice(normal.length + 1)))
    return [
      {
        field: 'slug',
        level: 'info',
        text: `${server} made the slug ${quote(kept)}: another post already has ${quote(normal)}.`,
      },
    ]
  return [{ field: 'slug', level: 'warning', text: `${server} kept the slug ${quote(kept)}, not ${quote(sent)}.` }]
}

const STATUS_WORDS: Record<string, string> = {
  publish: 'published',
  future: 'scheduled',
  draft: 'a draft',
  pending: 'pending review',
  private: 'private',
  trash: 'in the trash',
}

function statusNotes(sent: SentPost, kept: PostSnapshot, server: string, now: Date): KeptNote[] {
  if (kept.status === null) return [] // the engine does not say (only WordPress has post_status)
  const date = sent.input.date ? zonedToDate(sent.input.date) : undefined
  const asked = sent.input.status ?? (sent.publish ? 'publish' : 'draft')
  // A publish dated in the future is a scheduled post, and a scheduled one whose time came is live.
  const same = (a: string, b: string) =>
    a === b ||
    (a === 'publish' && b === 'future' && date !== undefined && date.getTime() > now.getTime()) ||
    (a === 'future' && b === 'publish')
  if (same(asked, kept.status)) return []
  const word = (s: string) => STATUS_WORDS[s] ?? s
  return [
    { field: 'status', level: 'warning', text: `${server} kept the post ${word(kept.status)}, not ${word(asked)}.` },
  ]
}

function dateNotes(sent: SentPost, kept: PostSnapshot, server: string): KeptNote[] {
  if (!sent.input.date || kept.dateCreated === null) return []
  const wanted = zonedToDate(sent.input.date)
  // WordPress keeps whole seconds; a minute apart is a different date, not a rounding.
  if (Math.abs(Date.parse(kept.dateCreated) - wanted.getTime()) < 60_000) return []
  return [
    {
      field: 'date',
      level: 'warning',
      text: `${server} dated the post ${kept.dateCreated}, not ${wanted.toISOString()}.`,
    },
  ]
}
