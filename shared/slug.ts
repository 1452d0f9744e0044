/**
 * "Hello, World!" → "hello-world": ASCII, lower case, at most 60 characters, safe in any URL path
 * on any server. One rule for page paths, permalinks and export names, so they agree.
 */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // é → e
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
}
