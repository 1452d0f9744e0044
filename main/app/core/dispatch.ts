import type { ChannelName, Output } from '../../../shared/api'
import { appError } from '../../../shared/errors'
import { fail, ok, type Result } from '../../../shared/result'
import { toAppError } from '../../xmlrpc/errors'
import type { AppContext } from './context'
import { AppFailure } from './failure'
import { StoreError } from '../../store/store-error'
import { handlers } from './channel-handlers'

export const isChannel = (name: string): name is ChannelName => Object.hasOwn(handlers, name)

/** Runs a handler and always answers with a Result: nothing thrown crosses a boundary. */
export async function dispatch<C extends ChannelName>(
  ctx: AppContext,
  channel: C,
  input: unknown,
): Promise<Result<Output<C>>> {
  if (!isChannel(channel)) return fail(appError('not-found', `No channel named "${String(channel)}".`))
  try {
    return ok(await (handlers[channel] as (c: AppContext, i: unknown) => Promise<Output<C>>)(ctx, input))
  } catch (e) {
    if (e instanceof AppFailure) return fail(e.error)
    if (e instanceof StoreError) return fail(e.toAppError())
    return fail(toAppError(e))
  }
}
