import type { BlogCategoryInfo } from '../../../shared/model'
import { blogFile, readBlogJson, updateBlogJson } from './blog-files'

export interface CachedCategories {
  /** Which blog the list is of (endpoint#blogid): a list of another blog is never served. */
  blogKey: string
  fetchedAt: string
  categories: BlogCategoryInfo[]
}

const fileOf = (dataDir: string, accountId: string) => blogFile(dataDir, accountId, 'categories.json')

/** The list last read from the blog, kept at `<data>/blogs/<accountId>/categories.json` for offline use. */
export async function cachedCategories(
  dataDir: string,
  accountId: string,
  blogKey: string,
): Promise<CachedCategories | undefined> {
  const cached = await readBlogJson<CachedCategories>(fileOf(dataDir, accountId))
  return cached?.blogKey === blogKey && Array.isArray(cached.categories) && typeof cached.fetchedAt === 'string'
    ? cached
    : undefined
}

export async function cacheCategories(dataDir: string, accountId: string, value: CachedCategories): Promise<void> {
  await updateBlogJson<CachedCategories>(fileOf(dataDir, accountId), () => value)
}
