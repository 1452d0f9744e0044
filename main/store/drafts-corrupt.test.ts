import { spawnSync } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDraftStore, type DraftProblem } from './drafts'
import { useTempDirs } from './testing/test-dir'

const tempDir = useTempDirs()
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!

async function setUp() {
  const data = await tempDir()
  const problems: DraftProblem[] = []
  const store = openDraftStore(data, { onProblem: (p) => problems.push(p) })
  const good = await store.save({ id: 'good', kind: 'post', format: 'text', title: 'Good', body: 'fine' })
  const dir = join(data, 'drafts')
  const goodBytes = await readFile(join(dir, 'good.json'))
  const badUtf8 = Buffer.from(goodBytes)
  badUtf8[badUtf8.indexOf('fine')] = 0xff // still valid JSON, no longer valid text
  const damaged: Record<string, string | Buffer> = {
    'cut-short': goodBytes.subarray(0, 40),
    empty: '',
    'wrong-shape': JSON.stringify({ ...good, id: 'wrong-shape', revision: 'seven' }),
    'not-object': '[1,2,3]',
    'other-id': goodBytes, // a copy of another draft's file is not this draft
    'bad-utf8': Buffer.from(badUtf8.toString('latin1').replace('"id": "good"', '"id": "bad-utf8"'), 'latin1'),
  }
  for (const [id, content] of Object.entries(damaged)) await writeFile(join(dir, `${id}.json`), content)
  return { store, dir, problems, damaged }
}

describe('DraftStore: damaged files', () => {
  it('are skipped in list, reported once, and kept aside byte for byte', async () => {
    const { store, dir, problems, damaged } = await setUp()
    expect((await store.list()).map((s) => s.id)).toEqual(['good'])
    expect(problems.map((p) => p.id).sort()).toEqual(Object.keys(damaged).sort())
    for (const p of problems) {
      expect(p.keptAs).toMatch(new RegExp(`/${p.id}\\.corrupt-\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z\\.json$`))
      expect(await readFile(p.keptAs!)).toEqual(Buffer.from(damaged[p.id]))
    }
    expect(problems.find((p) => p.id === 'wrong-shape')!.reason).toMatch(/revision/)
    expect(problems.find((p) => p.id === 'cut-short')!.reason).toMatch(/not valid JSON/)
    expect(problems.find((p) => p.id === 'bad-utf8')!.reason).toMatch(/UTF-8/)
    expect(await store.list()).toHaveLength(1)
    expect(problems).toHaveLength(Object.keys(damaged).length)
    expect((await readdir(dir)).filter((n) => n.includes('.corrupt-'))).toHaveLength(Object.keys(damaged).length)
  })

  it('get refuses a damaged file; a later save starts afresh and the damaged copy stays', async () => {
    const { store, problems } = await setUp()
    await expect(store.get('cut-short')).rejects.toMatchObject({
      kind: 'storage',
      code: 'ECORRUPT',
      message: expect.stringContaining('damaged'),
    })
    const saved = await store.save({ id: 'cut-short', kind: 'post', format: 'text', title: 'Again', body: 'retyped' })
    expect(saved.revision).toBe(1)
    expect(await readFile(problems[0].keptAs!, 'utf8')).not.toContain('retyped')
  })

  it('removes temp files of a dead writer, keeps those of live processes, never lists them', async () => {
    const { store, dir } = await setUp()
    const dead = `.good.json.${deadPid()}-0badf00d.tmp`
    const deadPrev = `.good.json.${deadPid()}-0badf00d.prev`
    const live = `.good.json.${process.ppid}-00c0ffee.tmp`
    const own = `.good.json.${process.pid}-0000beef.tmp`
    for (const n of [dead, deadPrev, live, own]) await writeFile(join(dir, n), '{"half":')
    expect((await store.list()).map((s) => s.id)).toEqual(['good'])
    const left = await readdir(dir)
    expect(left).not.toContain(dead)
    expect(left).not.toContain(deadPrev)
    expect(left).toContain(live)
    expect(left).toContain(own)
  })
})
