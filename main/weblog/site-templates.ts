import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { ensureDir, nodeFs } from '../store/fs-layer'
import { tempPath } from '../store/temp-names'
import { DEFAULT_TEMPLATES, TEMPLATE_NAMES, type TemplateName } from './default-templates'
import { TEMPLATES_DIR } from './site-layout'
import { compileTemplate, type Template } from './template-engine'

export const templateFile = (siteDir: string, name: TemplateName): string =>
  join(siteDir, TEMPLATES_DIR, `${name}.html`)

/**
 * Writes each default template that is missing, and never touches one that exists: the file is
 * written whole under a temp name, fsynced, then hard-linked into place, which fails when the user
 * already has one (even one created a moment ago). Resolves with the names written.
 */
export async function ensureTemplates(siteDir: string): Promise<TemplateName[]> {
  await ensureDir(nodeFs, join(siteDir, TEMPLATES_DIR))
  const written: TemplateName[] = []
  for (const name of TEMPLATE_NAMES) {
    const target = templateFile(siteDir, name)
    const tmp = tempPath(target, 'tmp')
    const file = await nodeFs.open(tmp, 'wx')
    try {
      await nodeFs.write(file, Buffer.from(DEFAULT_TEMPLATES[name], 'utf8'))
      await nodeFs.fsync(file)
    } finally {
      await nodeFs.close(file)
    }
    try {
      await nodeFs.link(tmp, target)
      written.push(name)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    } finally {
      await rm(tmp, { force: true })
    }
  }
  if (written.length > 0) await nodeFs.fsyncDir(join(siteDir, TEMPLATES_DIR))
  return written
}

/** The defaults are used for a template that does not exist (a dry run writes nothing). */
export async function loadTemplates(siteDir: string): Promise<Record<TemplateName, Template>> {
  const out = {} as Record<TemplateName, Template>
  for (const name of TEMPLATE_NAMES) {
    const file = templateFile(siteDir, name)
    const source = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) =>
      e.code === 'ENOENT' ? DEFAULT_TEMPLATES[name] : Promise.reject(e),
    )
    out[name] = compileTemplate(source, `${TEMPLATES_DIR}/${name}.html`)
  }
  return out
}
