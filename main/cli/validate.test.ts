import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closedPort } from '../xmlrpc/testing/peers/http-peer'
import { startOurServer } from '../xmlrpc/testing/peers/our-peer'
import { startPythonServer, type Peer } from '../xmlrpc/testing/peers/python-peer'
import { registerValidator1 } from '../xmlrpc/validator1'
import { fakeIo } from './testing/test-io'
import { run } from './validate'
import { validatorCases } from './validator1-cases'

// `upstream validate` against validator1 written in Python: a correct one, a broken one, none at all.
let good: Peer
let broken: Peer
let none: Peer
let ours: Peer
beforeAll(async () => {
  ;[good, broken, none, ours] = await Promise.all([
    startPythonServer('validator1'),
    startPythonServer('validator1-broken'),
    startPythonServer('basic'),
    startOurServer(registerValidator1),
  ])
})
afterAll(() => Promise.all([good.close(), broken.close(), none.close(), ours.close()]))

async function validate(args: string[]) {
  const f = fakeIo()
  const code = await run(args, f.io)
  return { code, stdout: f.stdout(), stderr: f.stderr(), lines: f.stdout().trimEnd().split('\n') }
}

describe('upstream validate', () => {
  it('passes all eight against a correct server', async () => {
    for (const seed of [1, 2, 3]) {
      const r = await validate([good.url, '--seed', String(seed)])
      expect(r.lines).toEqual([
        'PASS arrayOfStructsTest',
        'PASS countTheEntities',
        'PASS easyStructTest',
        'PASS echoStructTest',
        'PASS manyTypesTest',
        'PASS moderateSizeArrayCheck',
        'PASS nestedStructTest',
        'PASS simpleStructReturnTest',
        '8 passed, 0 failed',
      ])
      expect(r.code).toBe(0)
      expect(r.stderr).toBe(`validator1 inputs from --seed ${seed}\n`)
    }
  })

  it('passes all eight against our own server (main/xmlrpc/validator1)', async () => {
    for (const seed of [1, 2, 3]) {
      const r = await validate([ours.url, '--seed', String(seed)])
      expect(r.lines.at(-1)).toBe('8 passed, 0 failed')
      expect(r.code).toBe(0)
    }
  })

  it('names what a broken server got wrong, and exits 1', async () => {
    const r = await validate([broken.url, '--seed', '7'])
    expect(r.code).toBe(1)
    expect(r.lines.filter((l) => l.startsWith('FAIL'))).toEqual([
      expect.stringMatching(/^FAIL easyStructTest: expected -?\d+, got -?\d+$/),
      expect.stringMatching(/^FAIL moderateSizeArrayCheck: expected "\w+", got "\w+!"$/),
    ])
    expect(r.lines.at(-1)).toBe('6 passed, 2 failed')
  })

  it('reports each missing method as a failed test with its fault', async () => {
    const r = await validate([none.url])
    expect(r.code).toBe(1)
    expect(r.lines[0]).toMatch(/^FAIL arrayOfStructsTest: fault 1: .*is not supported/)
    expect(r.lines.at(-1)).toBe('0 passed, 8 failed')
  })

  it('exits 4 when the server cannot be reached at all', async () => {
    const port = await closedPort()
    const r = await validate([`http://127.0.0.1:${port}/RPC2`])
    expect(r.code).toBe(4)
    expect(r.lines[0]).toMatch(/^FAIL arrayOfStructsTest: Could not connect/)
    expect(r.lines.at(-1)).toBe('0 passed, 8 failed')
  })

  it('--json prints one object', async () => {
    const r = await validate([broken.url, '--json', '--seed', '3'])
    expect(JSON.parse(r.stdout)).toMatchObject({
      seed: 3,
      passed: 6,
      failed: 2,
      tests: expect.arrayContaining([{ name: 'echoStructTest', pass: true }]),
    })
  })

  it('exits 64 on bad usage', async () => {
    expect((await validate([])).code).toBe(64)
    expect((await validate(['http://x/', '--seed', '-1'])).code).toBe(64)
  })
})

describe('validatorCases', () => {
  it('generates the same inputs from the same seed, different ones otherwise', () => {
    const params = (seed: number) =>
      JSON.stringify(
        validatorCases(seed).map((c) => c.params),
        (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v),
      )
    expect(params(5)).toBe(params(5))
    expect(params(5)).not.toBe(params(6))
  })

  it('checks answers strictly enough to fail wrong ones', () => {
    const [arrayOfStructs, counts, , echo, many] = validatorCases(9)
    expect(arrayOfStructs.check('12')).toMatch(/expected/)
    expect(counts.check([])).toMatch(/expected a struct/)
    expect(echo.check(echo.params[0])).toBeNull()
    expect(echo.check({})).not.toBeNull()
    expect(many.check(many.params.map((p) => p))).toMatch(/double/) // an XmlRpcDouble is not a number
  })
})
