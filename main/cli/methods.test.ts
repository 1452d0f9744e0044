import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startNpmServer } from '../xmlrpc/testing/peers/npm-peer'
import { startOurServer } from '../xmlrpc/testing/peers/our-peer'
import { startPythonServer, type Peer } from '../xmlrpc/testing/peers/python-peer'
import { registerValidator1 } from '../xmlrpc/validator1'
import { formatMethods, run } from './methods'
import { fakeIo } from './testing/test-io'
import type { MethodInfo } from '../xmlrpc/client-introspect'

// `upstream methods` against Python's server with multicall, without it, and with a broken one.
let withMulticall: Peer
let without: Peer
let broken: Peer
let npm: Peer
let ours: Peer
beforeAll(async () => {
  ;[withMulticall, without, broken, npm, ours] = await Promise.all([
    startPythonServer('basic'),
    startPythonServer('no-multicall'),
    startPythonServer('broken-multicall'),
    startNpmServer(),
    startOurServer(registerValidator1),
  ])
})
afterAll(() => Promise.all([withMulticall, without, broken, npm, ours].map((p) => p.close())))

async function methods(args: string[]) {
  const f = fakeIo()
  const code = await run(args, f.io)
  return { code, stdout: f.stdout(), stderr: f.stderr() }
}

const callsMade = (stderr: string) => [...stderr.matchAll(/→ POST \S+ {2}(\S+)/g)].map((m) => m[1])

describe('upstream methods', () => {
  it('lists names and help, in one multicall when offered', async () => {
    const r = await methods([withMulticall.url, '--verbose'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('add\n    Adds two numbers.\n')
    expect(r.stdout).toMatch(/\n\d+ methods\n$/)
    expect(callsMade(r.stderr)).toEqual(['system.listMethods', 'system.multicall'])
  })

  it('asks one by one when the server has no multicall, with the same answer', async () => {
    const a = await methods([withMulticall.url, '--json'])
    const b = await methods([without.url, '--verbose', '--json'])
    expect(b.code).toBe(0)
    const names = (JSON.parse(b.stdout) as MethodInfo[]).map((m) => m.name)
    expect(callsMade(b.stderr)).toHaveLength(1 + 2 * names.length)
    const withoutMulticall = (JSON.parse(a.stdout) as MethodInfo[]).filter((m) => m.name !== 'system.multicall')
    expect(JSON.parse(b.stdout)).toEqual(withoutMulticall)
  })

  it('falls back to one by one when the multicall itself faults', async () => {
    const r = await methods([broken.url, '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toContainEqual({
      name: 'echo',
      signatures: null,
      help: 'Returns its argument unchanged.',
    })
  })

  it('shows the signatures our own server declares', async () => {
    const r = await methods([ours.url])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('validator1.easyStructTest\n    int validator1.easyStructTest(struct)\n')
    expect(r.stdout).toContain('validator1.simpleStructReturnTest')
  })

  it('exits 4 when the server has no introspection (the npm server answers 404)', async () => {
    const r = await methods([npm.url])
    expect(r.code).toBe(4)
    expect(r.stderr).toMatch(/HTTP 404/)
  })

  it('exits 64 without a URL', async () => {
    expect((await methods([])).code).toBe(64)
  })
})

describe('formatMethods', () => {
  it('writes signatures as return name(params) and indents help', () => {
    const text = formatMethods([
      { name: 'a.b', signatures: [['int', 'string', 'array'], ['int']], help: 'Line one.\n  Line two.\n' },
      { name: 'c', signatures: null, help: null },
    ])
    expect(text).toBe(
      'a.b\n    int a.b(string, array)\n    int a.b()\n    Line one.\n    Line two.\n\nc\n\n2 methods\n',
    )
  })
})
