import { AsyncLocalStorage } from 'node:async_hooks'
import { XmlRpcFault } from '../xmlrpc/fault'

/** The address of the request being answered, for every sign-in made while answering it. */
export const requestAddress = new AsyncLocalStorage<string>()

export const SIGN_IN_WINDOW_MS = 10 * 60_000
/** Failed sign-ins allowed in the window: per member (guessing one password) and per address (trying many). */
export const MAX_FAILURES_PER_MEMBER = 10
export const MAX_FAILURES_PER_ADDRESS = 50
const MAX_TRACKED = 10_000

/**
 * Failed sign-ins, counted per member and per caller address over ten minutes. Past the limit,
 * sign-ins for that member or from that address are refused outright (even a right password)
 * until the window has moved on, so a password cannot be guessed at the speed of loopback.
 */
export class SignInLimiter {
  private readonly failures = new Map<string, number[]>()

  constructor(private readonly now: () => Date) {}

  /** Throws the refusal when `member` (an e-mail or usernum, or undefined) or the caller is over the limit. */
  check(member: string | undefined): void {
    const address = requestAddress.getStore()
    const over = (key: string, max: number) => this.recent(key).length >= max
    if (member !== undefined && over(`m:${member.toLowerCase()}`, MAX_FAILURES_PER_MEMBER))
      throw this.refusal(`"${member.slice(0, 100)}"`)
    if (address !== undefined && over(`a:${address}`, MAX_FAILURES_PER_ADDRESS)) throw this.refusal(address)
  }

  failed(member: string | undefined): void {
    if (this.failures.size > MAX_TRACKED) this.failures.clear() // forgetting is safe; growing without end is not
    const at = this.now().getTime()
    const address = requestAddress.getStore()
    if (member !== undefined)
      this.failures.set(`m:${member.toLowerCase()}`, [...this.recent(`m:${member.toLowerCase()}`), at])
    if (address !== undefined) this.failures.set(`a:${address}`, [...this.recent(`a:${address}`), at])
  }

  private recent(key: string): number[] {
    const since = this.now().getTime() - SIGN_IN_WINDOW_MS
    return (this.failures.get(key) ?? []).filter((t) => t > since)
  }

  private refusal(who: string): XmlRpcFault {
    return new XmlRpcFault(
      4,
      `Too many failed sign-ins for ${who} in the last ${SIGN_IN_WINDOW_MS / 60_000} minutes; sign-ins are refused for now. Wait ten minutes, then try again with the right password.`,
    )
  }
}
