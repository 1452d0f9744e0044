import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { JsonState } from './state-file'
import { openSandbox } from './testing/sandbox-fixture'

const dirs: string[] = []
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

describe('sandbox state writes', () => {
  it('a failed save undoes its change in memory, faults, and fails the saves queued behind it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-state-'))
    dirs.push(dir)
    const file = join(dir, 'list.json')
    const state = await JsonState.open<number[]>(file, [])
    state.value.push(1)
    await state.save()
    // The target becomes a folder with something in it: rename over it fails.
    await rm(file)
    await mkdir(join(file, 'blocker'), { recursive: true })
    state.value.push(2)
    const failed = state.save()
    state.value.push(3)
    const queued = state.save()
    await expect(failed).rejects.toThrow()
    await expect(queued).rejects.toThrow()
    expect(state.value).toEqual([1])
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp') || n.endsWith('.prev'))).toEqual([])
    await rm(file, { recursive: true })
    state.value.push(4)
    await state.save()
    expect(state.value).toEqual([1, 4])
  })

  it('a message whose save fails is a fault, is not kept, and a retry makes exactly one', async () => {
    const t = await openSandbox({ users: [{ email: 'd@example.com', password: 'pw' }] })
    const messages = join(t.dir, 'discuss', 'sandbox', 'messages.json')
    const post = () => t.call('mainResponder.discuss.newMessage', 'sandbox', 'd@example.com', 'pw', 'Title', 'Body', 0)
    await rm(messages)
    await mkdir(join(messages, 'blocker'), { recursive: true })
    const fault = await t.fault(
      'mainResponder.discuss.newMessage',
      'sandbox',
      'd@example.com',
      'pw',
      'Title',
      'Body',
      0,
    )
    expect(fault.faultString).not.toContain(t.dir)
    expect(await t.call('mainResponder.discuss.getTopics', 'sandbox', 'd@example.com', 'pw', 10)).toEqual([])
    await rm(messages, { recursive: true })
    await post()
    expect(await t.call('mainResponder.discuss.getTopics', 'sandbox', 'd@example.com', 'pw', 10)).toHaveLength(1)
    await t.close()
  })

  it('cleans temp files at start, and fails only the file whose name is over the limit, naming no path', async () => {
    const t = await openSandbox()
    const [u, d] = await t.register('n@example.com', 'pw')
    await t.sandbox.close()
    await writeFile(join(t.dir, `.members.json.4242-0123abcd.tmp`), 'half')
    await mkdir(join(t.dir, 'users', u), { recursive: true })
    await writeFile(join(t.dir, 'users', u, `.a.html.4242-0123abcd.tmp`), 'half')
    await t.restart()
    const left = await readdir(join(t.dir, 'users', u))
    expect(left).toEqual([])
    const long = `${'n'.repeat(300)}.txt`
    const r = (await t.call(
      'xmlStorageSystem.saveMultipleFiles',
      u,
      d,
      ['ok.txt', long],
      [Buffer.from('a'), Buffer.from('b')],
    )) as {
      urlList: string[]
      message: string
      flError: boolean
    }
    expect(r.flError).toBe(true)
    expect(r.urlList[0]).toMatch(/ok\.txt$/)
    expect(r.urlList[1]).toBe('')
    expect(r.message).toContain('longer than this server')
    expect(r.message).not.toContain(t.dir)
    expect(r.message.length).toBeLessThan(400)
    await t.close()
  })
})
