import type { Input } from '../../../../shared/api'
import type { JsonValue } from '../../../../shared/errors'
import type { MethodInfo } from '../../../../shared/model'
import type { WireEntry } from '../../../../shared/wire'
import { isMethodNotFound } from '../../../protocols/unsupported'
import { introspect } from '../../../xmlrpc/client-introspect'
import { fromTypedJson, toTypedJson, TypedJsonError } from '../../../xmlrpc/typed-json'
import type { XmlRpcValue } from '../../../xmlrpc/values'
import type { AppContext } from '../../core/context'
import { AppFailure, failWith } from '../../core/failure'
import { serverCall } from '../../accounts/server-call'

/**
 * The console's call: any method, typed-JSON params (the CLI's syntax), through the account's own
 * client — so it is in the wire log with the account's password redacted like every other call.
 */
export async function inspectorCall(
  ctx: AppContext,
  input: Input<'inspector.call'>,
): Promise<{ result: JsonValue; entryId?: number }> {
  const { method } = input // trimmed, and a method name: the schema saw to both
  const account = ctx.account(input.accountId)
  const params: XmlRpcValue[] = input.params.map((p, i) => {
    try {
      return fromTypedJson(p, `params[${i}]`)
    } catch (e) {
      if (e instanceof TypedJsonError)
        return failWith('invalid-input', `${e.path}: ${e.problem}.`, { field: 'params', path: e.path })
      throw e
    }
  })
  const client = await ctx.clientFor(account)
  // The exchange this call made, so the console can open it in the inspector.
  let entry: WireEntry | undefined
  const stop = ctx.events.on((event, payload) => {
    const e = payload as WireEntry
    if (event === 'wire.entry' && e.method === method && e.account?.id === account.id) entry = e
  })
  try {
    const value = await serverCall(account, method, () => client.call(method, params))
    return { result: toTypedJson(value), ...(entry ? { entryId: entry.id } : {}) }
  } catch (e) {
    if (e instanceof AppFailure && entry)
      throw new AppFailure({ ...e.error, details: { ...e.error.details, entryId: entry.id } })
    throw e
  } finally {
    stop()
  }
}

/** Names, signatures and help, for the console's method picker. */
export async function inspectorMethods(ctx: AppContext, input: Input<'inspector.methods'>): Promise<MethodInfo[]> {
  const account = ctx.account(input.accountId)
  const client = await ctx.clientFor(account)
  const methods = await serverCall(account, 'system.listMethods', () =>
    introspect(client).catch((e: unknown) => {
      if (isMethodNotFound(e))
        return failWith(
          'unsupported',
          `${account.url} offers no introspection (system.listMethods), so its methods cannot be listed. Type the method name yourself.`,
          { method: 'system.listMethods' },
        )
      throw e
    }),
  )
  return methods.map((m) => ({ name: m.name, signatures: m.signatures, help: m.help ?? '' }))
}
