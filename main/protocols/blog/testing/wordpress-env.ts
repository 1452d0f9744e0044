import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'

/** What scripts/wordpress/setup.sh leaves in $WORDPRESS_STATE/env.json. */
export interface WordPressEnv {
  url: string
  site: string
  username: string
  password: string
  timeZone: string
  /** The site's administrator and a Contributor (setup.sh writes them; older set-ups lack them). */
  admin?: { username: string; password: string }
  contributor?: { username: string; password: string }
  db: { name: string; user: string; password: string }
}

export const SETUP_HINT =
  'run `sudo scripts/wordpress/setup.sh` (installs Debian’s wordpress, MariaDB and PHP, serves WordPress on 127.0.0.1:8089; about a minute from nothing), then run the tests again'

/**
 * The loopback WordPress, when there is one. UPSTREAM_WORDPRESS_URL set (CI, after setup.sh)
 * makes it required: a missing or silent WordPress then fails the tests instead of skipping them.
 */
export async function findWordPress(): Promise<{ env: WordPressEnv } | { skip: string }> {
  const required = process.env.UPSTREAM_WORDPRESS_URL
  const file = `${process.env.WORDPRESS_STATE ?? '/var/lib/upstream-wordpress'}/env.json`
  let env: WordPressEnv
  try {
    env = JSON.parse(await readFile(file, 'utf8')) as WordPressEnv
  } catch (e) {
    if (required)
      throw new Error(
        `UPSTREAM_WORDPRESS_URL is set but ${file} cannot be read (${(e as Error).message}): ${SETUP_HINT}.`,
        { cause: e },
      )
    return { skip: `WordPress is not set up here: ${SETUP_HINT}.` }
  }
  if (required && required !== env.url)
    throw new Error(`UPSTREAM_WORDPRESS_URL is ${required} but setup.sh wrote ${env.url} in ${file}.`)
  const hello = await fetch(env.url, {
    method: 'POST',
    headers: { 'content-type': 'text/xml' },
    body: '<?xml version="1.0"?><methodCall><methodName>demo.sayHello</methodName><params/></methodCall>',
    signal: AbortSignal.timeout(5000),
  })
    .then((r) => r.text())
    .catch((e: unknown) => `unreachable: ${(e as Error).message}`)
  if (hello.includes('Hello!')) return { env }
  const why = `WordPress was set up (${file}) but ${env.url} does not answer (${hello.slice(0, 80)}): ${SETUP_HINT} (it restarts what stopped).`
  if (required) throw new Error(why)
  return { skip: why }
}

/** One SQL query through the mysql CLI as the WordPress database user; rows as JSON lines. */
export async function queryWordPress(env: WordPressEnv, sql: string): Promise<unknown[]> {
  const { stdout } = await promisify(execFile)('mysql', [
    '-N',
    '-B',
    '--raw',
    '-u',
    env.db.user,
    `-p${env.db.password}`,
    env.db.name,
    '-e',
    sql,
  ])
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown)
}
