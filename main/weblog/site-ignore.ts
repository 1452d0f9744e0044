/**
 * Which files in the site folder are the site. Radio's convention: names starting with "#" are
 * the author's machinery (templates, preferences), never upstreamed; dot-files (.DS_Store, .git,
 * our own temp files) and editor backups ("page.html~") are not the site either.
 */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('#') || name.endsWith('~')
}
