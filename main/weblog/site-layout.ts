import { slugify, type Post } from './post'
import { zonedParts } from './zoned-time'

/** Where the renderer puts things in the site folder (and so on the server). */
export const HOME_PATH = 'index.html'
export const FEED_PATH = 'rss.xml'
/** Templates live in the site folder, under a name the sync never uploads (Radio's "#" files). */
export const TEMPLATES_DIR = '#templates'

const two = (n: number) => String(n).padStart(2, '0')

export const monthKey = (date: Date, zone: string): string => {
  const p = zonedParts(date, zone)
  return `${p.year}-${two(p.month)}`
}

/** The monthly archive page for "2024-05": 2024/05/index.html. */
export const monthPath = (key: string): string => `${key.slice(0, 4)}/${key.slice(5, 7)}/index.html`

/**
 * Each post's permalink path: its own `path` when set, else YYYY/MM/DD/<slug>.html by its date in
 * the weblog's zone. Older posts claim paths first, so adding a post never moves an existing one.
 */
export function postPaths(posts: readonly Post[], zone: string): Map<string, string> {
  const taken = new Set<string>([HOME_PATH, FEED_PATH])
  const paths = new Map<string, string>()
  const ordered = [...posts].sort((a, b) => Date.parse(a.date) - Date.parse(b.date) || a.id.localeCompare(b.id))
  for (const p of ordered) {
    if (p.path && !taken.has(p.path)) {
      taken.add(p.path)
      paths.set(p.id, p.path)
    }
  }
  for (const p of ordered) {
    if (paths.has(p.id)) continue
    const d = zonedParts(new Date(p.date), zone)
    const base = `${d.year}/${two(d.month)}/${two(d.day)}/${slugify(p.title, p.id.toLowerCase())}`
    let path = `${base}.html`
    for (let n = 2; taken.has(path); n++) path = `${base}-${n}.html`
    taken.add(path)
    paths.set(p.id, path)
  }
  return paths
}
