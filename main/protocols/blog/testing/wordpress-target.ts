import type { BlogTarget } from './blog-target'
import type { StoredPost } from './server-view'
import { queryWordPress, type WordPressEnv } from './wordpress-env'

// Terms of a post in one taxonomy, newline-separated (JSON keeps it on one output line).
const terms = (
  taxonomy: string,
) => `(SELECT GROUP_CONCAT(t.name ORDER BY t.name SEPARATOR '\\n') FROM wp_term_relationships r
  JOIN wp_term_taxonomy tt ON tt.term_taxonomy_id = r.term_taxonomy_id JOIN wp_terms t ON t.term_id = tt.term_id
  WHERE r.object_id = p.ID AND tt.taxonomy = '${taxonomy}')`

/** The loopback WordPress as a suite target; its ServerView reads MariaDB with the mysql CLI. */
export function wordPressTarget(env: WordPressEnv): BlogTarget {
  return {
    endpoint: env.url,
    username: env.username,
    password: env.password,
    timeZone: env.timeZone,
    categories: ['Upstream', 'Field notes'],
    view: {
      async post(id) {
        if (!/^\d+$/.test(id)) throw new Error(`not a WordPress post id: ${id}`)
        const [row] = (await queryWordPress(
          env,
          `SELECT JSON_OBJECT('title', p.post_title, 'content', p.post_content, 'status', p.post_status, 'date', p.post_date, 'dateGmt', p.post_date_gmt,
            'slug', p.post_name, 'excerpt', p.post_excerpt, 'categories', ${terms('category')}, 'tags', ${terms('post_tag')})
           FROM wp_posts p WHERE p.ID = ${id} AND p.post_type = 'post'`,
        )) as Record<string, string | null>[]
        if (!row) return null
        const split = (v: string | null) => (v ? v.split('\n') : [])
        const gmt =
          row.dateGmt && !row.dateGmt.startsWith('0000') ? new Date(`${row.dateGmt.replace(' ', 'T')}Z`) : null
        const post: StoredPost = {
          title: row.title ?? '',
          content: row.content ?? '',
          status: row.status ?? '',
          dateGmt: gmt,
          slug: row.slug ?? '',
          excerpt: row.excerpt ?? '',
          categories: split(row.categories),
          tags: split(row.tags),
          localWallClock: row.date,
        }
        return post
      },
      async goLive(id) {
        if (!/^\d+$/.test(id)) throw new Error(`not a WordPress post id: ${id}`)
        // What wp_publish_post does when cron finds the time came: the status changes, the date stays.
        await queryWordPress(
          env,
          `UPDATE wp_posts SET post_status = 'publish' WHERE ID = ${id} AND post_status = 'future'`,
        )
      },
      async mediaCount() {
        const [n] = await queryWordPress(
          env,
          `SELECT COUNT(*) FROM wp_posts p JOIN wp_users u ON u.ID = p.post_author WHERE p.post_type = 'attachment' AND u.user_login = '${env.username.replace(/'/g, "''")}'`,
        )
        return Number(n)
      },
    },
    close: async () => {},
  }
}
