import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../store/testing/test-dir'
import { DEFAULT_TEMPLATES } from './default-templates'
import type { Post } from './post'
import { renderStep, type RenderStepInput } from './render-step'
import { TemplateError } from './template-engine'
import { defaultWeblogConfig } from './weblog-config'

const post = (id: string, date: string): Post => ({
  id,
  title: `Post ${id}`,
  body: id,
  format: 'text',
  date,
  categories: [],
  updatedAt: date,
})

describe('rendering into the site folder', () => {
  const tempDir = useTempDirs()
  const setup = async (): Promise<RenderStepInput> => {
    const dir = await tempDir()
    return {
      siteDir: join(dir, 'www'),
      manifestFile: join(dir, 'rendered.json'),
      posts: [post('a', '2024-05-14T07:30:00Z'), post('b', '2024-06-14T07:30:00Z')],
      config: defaultWeblogConfig('W', 'UTC'),
      urlOf: (p) => `http://s/${p}`,
      cloud: null,
      now: new Date('2024-07-01T00:00:00Z'),
      write: true,
    }
  }

  it('writes the default templates once and never over the user’s, whose templates it then uses', async () => {
    const input = await setup()
    await mkdir(join(input.siteDir, '#templates'), { recursive: true })
    await writeFile(join(input.siteDir, '#templates', 'home.html'), 'MINE: {{#posts}}[{{title}}]{{/posts}}')
    const first = await renderStep(input)
    expect(first.templatesCreated).toEqual(['post', 'archive'])
    expect(await readFile(join(input.siteDir, '#templates', 'home.html'), 'utf8')).toBe(
      'MINE: {{#posts}}[{{title}}]{{/posts}}',
    )
    expect(await readFile(join(input.siteDir, '#templates', 'post.html'), 'utf8')).toBe(DEFAULT_TEMPLATES.post)
    expect(await readFile(join(input.siteDir, 'index.html'), 'utf8')).toBe('MINE: [Post b][Post a]')
    await writeFile(join(input.siteDir, '#templates', 'post.html'), 'edited {{post.title}}')
    const second = await renderStep(input)
    expect(second.templatesCreated).toEqual([])
    expect(await readFile(join(input.siteDir, '2024/06/14/post-b.html'), 'utf8')).toBe('edited Post b')
  })

  it('rewrites only what changed, keeps the feed while only time passed, and removes only its own stale pages', async () => {
    const input = await setup()
    await renderStep(input)
    await writeFile(join(input.siteDir, 'mine.html'), 'the user’s own page')
    const feedBefore = await readFile(join(input.siteDir, 'rss.xml'), 'utf8')
    const homeStat = await stat(join(input.siteDir, 'index.html'))
    const again = await renderStep({ ...input, now: new Date('2024-08-01T00:00:00Z') })
    expect(again.written).toEqual([])
    expect(await readFile(join(input.siteDir, 'rss.xml'), 'utf8')).toBe(feedBefore)
    expect((await stat(join(input.siteDir, 'index.html'))).mtimeMs).toBe(homeStat.mtimeMs)
    const fewer = await renderStep({ ...input, posts: [input.posts[0]] })
    expect(fewer.removed.sort()).toEqual(['2024/06/14/post-b.html', '2024/06/index.html'])
    await expect(stat(join(input.siteDir, '2024/06/14/post-b.html'))).rejects.toMatchObject({ code: 'ENOENT' })
    expect(await readFile(join(input.siteDir, 'mine.html'), 'utf8')).toBe('the user’s own page')
    expect(await readFile(join(input.siteDir, 'rss.xml'), 'utf8')).not.toBe(feedBefore)
  })

  it('writes nothing in a dry run, yet says what would change', async () => {
    const input = await setup()
    const dry = await renderStep({ ...input, write: false })
    expect(dry.written.sort()).toEqual([
      '2024/05/14/post-a.html',
      '2024/05/index.html',
      '2024/06/14/post-b.html',
      '2024/06/index.html',
      'index.html',
      'rss.xml',
    ])
    await expect(stat(input.siteDir)).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('stops on a broken template, naming the file and line', async () => {
    const input = await setup()
    await mkdir(join(input.siteDir, '#templates'), { recursive: true })
    await writeFile(join(input.siteDir, '#templates', 'archive.html'), '<h1>\n{{#posts}}')
    await expect(renderStep(input)).rejects.toThrow(
      new TemplateError('#templates/archive.html, line 2: {{#posts}} is never closed.'),
    )
  })
})
