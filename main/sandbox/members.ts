import { createHash, randomInt } from 'node:crypto'
import { join } from 'node:path'
import { SignInLimiter } from './sign-in-limiter'
import { JsonState } from './state-file'

/** A member of the sandbox community: one identity for every namespace it serves. */
export interface Member {
  email: string
  name: string
  /** Lowercase hex MD5 of the UTF-8 password; clear text is never stored. */
  digest: string
  /** A 7-digit string, as UserLand servers return it. */
  usernum: string
  createdAt: string
  /** What registerUser was told, kept for the curious tester. */
  clientPort?: number
  userAgent?: string
  serialNumber?: string
  /** The last xmlStorageSystem.ping. */
  lastPing?: { when: string; status: number; clientPort: number; address: string }
}

export const md5Hex = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex')

export const isMd5Hex = (text: string): boolean => /^[0-9a-f]{32}$/.test(text)

export class Members {
  private readonly limiter: SignInLimiter

  private constructor(
    private readonly state: JsonState<Member[]>,
    now: () => Date,
  ) {
    this.limiter = new SignInLimiter(now)
  }

  static async open(dir: string, now: () => Date = () => new Date()): Promise<Members> {
    return new Members(await JsonState.open<Member[]>(join(dir, 'members.json'), []), now)
  }

  private get list(): Member[] {
    return this.state.value
  }

  all(): readonly Member[] {
    return this.list
  }

  byEmail(email: string): Member | undefined {
    const wanted = email.trim().toLowerCase()
    return this.list.find((m) => m.email.toLowerCase() === wanted)
  }

  byUsernum(usernum: string): Member | undefined {
    return this.list.find((m) => m.usernum === usernum)
  }

  /** Sign-in with e-mail and clear password (discussion groups, web host): digests are compared. */
  signIn(email: string, password: string): Member | undefined {
    return this.limited(email, (m = this.byEmail(email)) => (m && m.digest === md5Hex(password) ? m : undefined))
  }

  /** Sign-in as xmlStorageSystem does it: usernum and the digest, compared verbatim (like PyCS). */
  signInWithDigest(usernum: string, digest: string): Member | undefined {
    return this.limited(usernum, (m = this.byUsernum(usernum)) => (m && m.digest === digest ? m : undefined))
  }

  /** A sign-in under the failed-sign-in limits (./sign-in-limiter.ts); throws the refusal when over them. */
  private limited(who: string, attempt: () => Member | undefined): Member | undefined {
    this.limiter.check(who)
    const member = attempt()
    if (!member) this.limiter.failed(who)
    return member
  }

  /** Adds a member, or returns the existing one with that e-mail untouched. */
  async add(email: string, password: string, name = email.split('@')[0]): Promise<Member> {
    return this.byEmail(email) ?? this.insert({ email: email.trim(), name, digest: md5Hex(password) })
  }

  /**
   * Makes sure a member exists with exactly this password: the operator's `--user` wins over what
   * is stored, so restarting with a new password for an e-mail is how a forgotten one is reset.
   */
  async ensure(email: string, password: string): Promise<Member> {
    const existing = this.byEmail(email)
    if (!existing) return this.add(email, password)
    if (existing.digest !== md5Hex(password)) {
      existing.digest = md5Hex(password)
      await this.state.save()
    }
    return existing
  }

  /** registerUser: the caller already hashed the password. */
  async register(fields: Pick<Member, 'email' | 'name' | 'digest'> & Partial<Member>): Promise<Member> {
    return this.insert({ ...fields, email: fields.email.trim() })
  }

  /** Persists a change made to a member returned by this store. */
  async update(member: Member, change: Partial<Omit<Member, 'usernum' | 'email' | 'digest'>>): Promise<void> {
    Object.assign(member, change)
    await this.state.save()
  }

  private async insert(fields: Omit<Member, 'usernum' | 'createdAt'>): Promise<Member> {
    const member: Member = { ...fields, usernum: this.nextUsernum(), createdAt: new Date().toISOString() }
    this.list.push(member)
    await this.state.save()
    return member
  }

  private nextUsernum(): string {
    for (;;) {
      const n = String(randomInt(1, 10_000_000)).padStart(7, '0')
      if (!this.byUsernum(n)) return n
    }
  }
}
