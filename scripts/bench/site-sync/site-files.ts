import { randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * `count` files of `size` bytes of distinct text, 100 to a folder: pages/NN/page-NNNNN.html. Returns their site paths.
 */
export async function writeSiteFiles(siteDir: string, count: number, size: number): Promise<string[]> {
  const paths: string[] = []
  for (let start = 0; start < count; start += 100) {
    const folder = `pages/${String(start / 100).padStart(3, '0')}`
    await mkdir(join(siteDir, folder), { recursive: true })
    const names = Array.from(
      { length: Math.min(100, count - start) },
      (_, i) => `${folder}/page-${String(start + i).padStart(5, '0')}.html`,
    )
    await Promise.all(names.map((p) => writeFile(join(siteDir, p), page(p, size))))
    paths.push(...names)
  }
  return paths
}

function page(path: string, size: number): string {
  const head = `<html><body><h1>${path}</h1><p>`
  const tail = '</p></body></html>\n'
  return (
    head +
    randomBytes(size)
      .toString('hex')
      .slice(0, size - head.length - tail.length) +
    tail
  )
}
