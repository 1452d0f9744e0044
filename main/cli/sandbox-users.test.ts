import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { builtCli } from '../app/testing/serve-process'
import { parseUserLines } from './sandbox-users'
import { sandboxOptions } from './sandbox'

describe('upstream sandbox members, without passwords in the process list', () => {
  it('parses EMAIL:PASSWORD lines, skipping blanks and comments, naming a bad line without its password', () => {
    expect(parseUserLines('# team\n\na@b.c:p:w\r\nd@e.f:x\n', 'f')).toEqual([
      { email: 'a@b.c', password: 'p:w' },
      { email: 'd@e.f', password: 'x' },
    ])
    expect(parseUserLines('a@b.c:ok\nsecret-without-colon\n', 'f')).toBe(
      'f line 2 wants EMAIL:PASSWORD, got "secret-without-colon"',
    )
    expect(parseUserLines('a@b.c:\n', 'f')).toBe('f line 1 wants EMAIL:PASSWORD, got a@b.c:…')
    expect(sandboxOptions(['--users-file', 'x', '--users-stdin'], { UPSTREAM_SANDBOX_USERS: 'e@v.x:1' })).toMatchObject(
      {
        ok: true,
        options: { users: [{ email: 'e@v.x', password: '1' }] },
        more: { file: 'x', stdin: true },
      },
    )
  })

  it.skipIf(!existsSync(builtCli))(
    'a real sandbox takes them from a file, standard input and the environment',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'upstream-sb-users-'))
      try {
        const file = join(dir, 'users.txt')
        await writeFile(file, 'file@example.com:from-file\n', { mode: 0o600 })
        const child = spawn(
          process.execPath,
          [
            builtCli,
            'sandbox',
            '--port',
            '0',
            '--data',
            join(dir, 'sb'),
            '--users-file',
            file,
            '--users-stdin',
            '--json',
          ],
          { env: { ...process.env, UPSTREAM_SANDBOX_USERS: 'env@example.com:from-env' } },
        )
        child.stdin.end('stdin@example.com:from-stdin\n')
        const started = await new Promise<string>((resolve) =>
          createInterface({ input: child.stdout }).once('line', resolve),
        )
        expect(JSON.parse(started).endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/RPC2$/)
        const members = await readFile(join(dir, 'sb', 'members.json'), 'utf8')
        for (const [email, password] of [
          ['file@example.com', 'from-file'],
          ['stdin@example.com', 'from-stdin'],
          ['env@example.com', 'from-env'],
        ]) {
          expect(members).toContain(email)
          expect(members).toContain(createHash('md5').update(password).digest('hex'))
        }
        await new Promise((resolve) => {
          child.once('exit', resolve)
          child.kill('SIGTERM')
        })
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    },
  )
})
