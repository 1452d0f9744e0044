import { readFile, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { atomicWrite } from '../store/atomic-write'
import { ensureDir, nodeFs } from '../store/fs-layer'
import type { Post } from './post'
import { readRendered, writeRendered } from './rendered-manifest'
import { renderSite } from './render-site'
import { keepBuildDate } from './rss-feed'
import { FEED_PATH } from './site-layout'
import { ensureTemplates, loadTemplates } from './site-templates'
import type { RssCloud, UrlOf } from './site-urls'
import type { WeblogConfig } from './weblog-config'

export interface RenderStepInput {
  siteDir: string
  manifestFile: string
  posts: readonly Post[]
  config: WeblogConfig
  urlOf: UrlOf
  cloud: RssCloud | null
  now: Date
  /** False for a dry run: nothing is written, the result says what would be. */
  write: boolean
}

export interface RenderStep {
  /** Every generated file's content, as it is (or, in a dry run, would be) on disk. */
  files: Map<string, string>
  /** Paths whose content changed (or would). */
  written: string[]
  /** Generated files that are no longer generated (or would be removed). */
  removed: string[]
  templatesCreated: string[]
  links: Map<string, string>
}

/**
 * Renders the weblog into the site folder: default templates first when missing (never over the
 * user's), then only files whose bytes differ are written, and only files the renderer made
 * before are removed. The feed keeps its lastBuildDate while its content is unchanged.
 */
export async function renderStep(input: RenderStepInput): Promise<RenderStep> {
  const templatesCreated = input.write ? await ensureTemplates(input.siteDir) : []
  const templates = await loadTemplates(input.siteDir)
  const site = renderSite({
    posts: input.posts,
    config: input.config,
    templates,
    urlOf: input.urlOf,
    cloud: input.cloud,
    now: input.now,
  })
  const current = (path: string) => readFile(join(input.siteDir, ...path.split('/')), 'utf8').catch(() => undefined)
  site.files.set(FEED_PATH, keepBuildDate(await current(FEED_PATH), site.files.get(FEED_PATH)!))
  const written: string[] = []
  for (const [path, text] of site.files) {
    if ((await current(path)) === text) continue
    written.push(path)
    if (!input.write) continue
    const target = join(input.siteDir, ...path.split('/'))
    await ensureDir(nodeFs, dirname(target))
    await atomicWrite(nodeFs, target, text)
  }
  const removed = (await readRendered(input.manifestFile)).filter((p) => !site.files.has(p))
  if (input.write) {
    for (const path of removed) await rm(join(input.siteDir, ...path.split('/')), { force: true })
    await writeRendered(input.manifestFile, site.files.keys())
  }
  return { files: site.files, written, removed, templatesCreated, links: site.links }
}
