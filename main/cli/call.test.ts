import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closedPort, startHttp, type HttpPeer } from '../xmlrpc/testing/peers/http-peer'
import { startPythonServer, type Peer } from '../xmlrpc/testing/peers/python-peer'
import { PASSWORD, secretCalls, secretForms } from '../xmlrpc/testing/peers/secret-calls'
import { run } from './call'
import { fakeIo } from './testing/test-io'
import { toTypedJson } from '../xmlrpc/typed-json'

// `upstream call`, run in-process against Python's xmlrpc.server.
let python: Peer
let catchall: Peer
let silent: HttpPeer
beforeAll(async () => {
  ;[python, catchall, silent] = await Promise.all([
    startPythonServer('basic'),
    startPythonServer('catchall'),
    startHttp(() => {}),
  ])
})
afterAll(() => Promise.all([python.close(), catchall.close(), silent.close()]))

async function call(args: string[], options?: Parameters<typeof fakeIo>[0]) {
  const f = fakeIo(options)
  const code = await run(args, f.io)
  return { code, stdout: f.stdout(), stderr: f.stderr(), stdinReads: f.stdinReads() }
}

describe('upstream call: results', () => {
  it('takes typed JSON args (a negative number is not an option) and prints the result', async () => {
    expect(await call([python.url, 'add', '2', '-5'])).toMatchObject({ code: 0, stdout: '-3\n' })
  })

  it('prints every type as typed JSON', async () => {
    const r = await call([python.url, 'types'])
    expect(r.code).toBe(0)
    // Python's 2.0 is a <double>: it prints as {"$double": 2}, so piping it back sends a double again.
    expect(JSON.parse(r.stdout)).toEqual([
      1,
      2.5,
      { $double: 2 },
      true,
      'x<&>',
      { $base64: Buffer.from('\x00\xffbytes', 'latin1').toString('base64') },
      { $dateTime: '19980717T14:08:55' },
      null,
      { a: [1, { b: null }] },
    ])
  })

  it('sends the typed forms and nil', async () => {
    const arg = JSON.stringify({
      b: { $base64: 'aGk=' },
      d: { $dateTime: '19980717T14:08:55' },
      n: null,
      s: { $struct: { $x: 1 } },
    })
    const r = await call([python.url, 'echo', arg])
    expect(JSON.parse(r.stdout)).toEqual({
      b: { $base64: 'aGk=' },
      d: { $dateTime: '19980717T14:08:55' },
      n: null,
      s: { $struct: { $x: 1 } },
    })
  })

  it('reads @PATH and @- arguments', async () => {
    const big = 'z'.repeat(300_000) // past what one command-line argument may hold
    const r = await call([python.url, 'add', '@a.json', '@-'], { files: { 'a.json': '\uFEFF40' }, stdin: ' 2\n' })
    expect(r).toMatchObject({ code: 0, stdout: '42\n', stdinReads: 1 })
    const e = await call([python.url, 'echo', '@big.json'], { files: { 'big.json': JSON.stringify(big) } })
    expect(JSON.parse(e.stdout)).toBe(big)
  })
})

describe('upstream call: exit codes', () => {
  it('3 on a fault, with the fault JSON on stdout', async () => {
    const r = await call([python.url, 'fail', '42', '"bad \\"thing\\""'])
    expect(r.code).toBe(3)
    expect(r.stdout).toBe('{"faultCode": 42, "faultString": "bad \\"thing\\""}\n')
    expect(JSON.parse(r.stdout)).toEqual({ faultCode: 42, faultString: 'bad "thing"' })
  })

  it('3 for an unknown method on Python (code 1)', async () => {
    expect((await call([python.url, 'nope'])).code).toBe(3)
  })

  it('4 when nothing listens, stderr naming the cause', async () => {
    const port = await closedPort()
    const r = await call([`http://127.0.0.1:${port}/RPC2`, 'm'])
    expect(r.code).toBe(4)
    expect(r.stderr).toContain(`Could not connect to 127.0.0.1:${port} — connection refused`)
    expect(r.stdout).toBe('')
  })

  it('4 on --timeout, promptly; --json adds the error on stdout', async () => {
    const started = Date.now()
    const r = await call([silent.url, 'm', '--timeout', '300', '--json'])
    expect(r.code).toBe(4)
    expect(Date.now() - started).toBeLessThan(2000)
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { kind: 'transport', details: { code: 'timeout' } } })
  })

  it('4 on --max-bytes', async () => {
    const r = await call([python.url, 'big', '5000', '--max-bytes=1000'])
    expect(r.code).toBe(4)
    expect(r.stderr).toMatch(/larger than the 1000 bytes limit/)
  })

  const usage: [string, string[], RegExp][] = [
    ['no METHOD', ['http://x/RPC2'], /URL and METHOD are required/],
    ['an argument that is not JSON', ['http://x/RPC2', 'm', 'hello'], /ARG 1: not JSON.*"hello"/],
    ['an unknown type', ['http://x/RPC2', 'm', '{"$float": 1}'], /ARG 1: unknown type \$float/],
    ['an int past 2^31', ['http://x/RPC2', 'm', '3000000000'], /outside the <int> range/],
    ['a bad --timeout', ['http://x/RPC2', 'm', '--timeout', 'soon'], /--timeout needs a whole number/],
    ['an unknown option', ['http://x/RPC2', 'm', '--fast'], /unknown option --fast/],
    ['a missing file', ['http://x/RPC2', 'm', '@nope.json'], /ARG 1: cannot read nope.json/],
    ['stdin twice', ['http://x/RPC2', 'm', '@-', '@-'], /only once/],
    ['a URL that is not http', ['ftp://x/RPC2', 'm'], /scheme/],
    ['a string XML cannot carry', ['http://x/RPC2', 'm', '"\\u0001"'], /params\[0\]/],
  ]
  for (const [what, args, message] of usage) {
    it(`64 for ${what}`, async () => {
      const r = await call(args, { stdin: '1' })
      expect(r.code).toBe(64)
      expect(r.stderr).toMatch(message)
    })
  }

  it('--help prints the usage and exits 0', async () => {
    const r = await call(['--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Usage: upstream call URL METHOD/)
  })
})

describe('upstream call --verbose', () => {
  it('prints the redacted exchange to stderr', async () => {
    const r = await call([python.url, 'add', '1', '2', '--verbose'])
    expect(r.stderr).toContain(`→ POST ${python.url}  add`)
    expect(r.stderr).toContain('<methodName>add</methodName>')
    expect(r.stderr).toMatch(/← HTTP 200 {2}\(\d+ bytes, \d+ ms\)\n<\?xml/)
  })

  it('shows neither the password nor its MD5 for any mapped method (URL password included)', async () => {
    const url = catchall.url.replace('http://', `http://me:${encodeURIComponent(PASSWORD)}@`)
    let output = ''
    for (const c of secretCalls()) {
      const args = c.params.map((p) => JSON.stringify(toTypedJson(p)))
      const r = await call([url, c.method, ...args, '--verbose'])
      expect(r.code, `${c.method}: ${r.stderr}`).toBe(0)
      output += r.stdout + r.stderr
    }
    expect(output).toContain('[redacted]')
    expect(secretForms().filter((f) => output.includes(f))).toEqual([])
  })
})
