import { createHash, randomInt } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeJsonAtomic } from './state-file'

/** A member of the sandbox community: one identity for every namespace it serves. */
export interface Member {
  email: string
  name: string
  /** Lowercase hex MD5 of the UTF-8 password; clear text is never stored. */
  digest: string
  /** A 7-digit string, as UserLand servers return it. */
  usernum: string
  createdAt: string
}

export const md5Hex = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex')

export class Members {
  private constructor(
    private readonly file: string,
    private readonly list: Member[],
  ) {}

  static async open(dir: string): Promise<Members> {
    const file = join(dir, 'members.json')
    const text = await readFile(file, 'utf8').catch(() => '[]')
    return new Members(file, JSON.parse(text) as Member[])
  }

  byEmail(email: string): Member | undefined {
    const wanted = email.trim().toLowerCase()
    return this.list.find((m) => m.email.toLowerCase() === wanted)
  }

  byUsernum(usernum: string | number): Member | undefined {
    return this.list.find((m) => m.usernum === String(usernum))
  }

  /** Sign-in with e-mail and clear password (discussion groups, web host): digests are compared. */
  signIn(email: string, password: string): Member | undefined {
    const m = this.byEmail(email)
    return m && m.digest === md5Hex(password) ? m : undefined
  }

  async add(email: string, password: string, name = email.split('@')[0]): Promise<Member> {
    const existing = this.byEmail(email)
    if (existing) return existing
    const member: Member = { email: email.trim(), name, digest: md5Hex(password), usernum: this.nextUsernum(), createdAt: new Date().toISOString() }
    this.list.push(member)
    await writeJsonAtomic(this.file, this.list)
    return member
  }

  private nextUsernum(): string {
    for (;;) {
      const n = String(randomInt(1, 10_000_000)).padStart(7, '0')
      if (!this.byUsernum(n)) return n
    }
  }
}
