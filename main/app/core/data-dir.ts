import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * The platform's app-data folder for "Upstream": the same path Electron's app.getPath('userData')
 * gives, so the CLI, the browser host and the desktop app share drafts and the queue.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Upstream')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Upstream')
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'Upstream')
}

/** `--data DIR` wins, then UPSTREAM_DATA, then the platform default. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag)
  if (env.UPSTREAM_DATA) return resolve(env.UPSTREAM_DATA)
  return defaultDataDir(process.platform, env)
}
