import type { ChannelName, Input, Output } from '../../../shared/api'
import { appError } from '../../../shared/errors'
import { fail, ok, type Result } from '../../../shared/result'
import { toAppError } from '../../xmlrpc/errors'
import type { AppContext } from './context'
import { AppFailure } from './failure'
import { StoreError } from '../../store/store-error'
import { handlers, type Handler } from './channel-handlers'
import { channelSchemas } from './channel-schemas'
import { inputError, issueWording } from './input-error'

export const isChannel = (name: string): name is ChannelName => Object.hasOwn(handlers, name)

/** Checks the input, runs the handler and always answers with a Result: nothing thrown crosses a boundary. */
export async function dispatch<C extends ChannelName>(
  ctx: AppContext,
  channel: C,
  input: unknown,
): Promise<Result<Output<C>>> {
  if (!isChannel(channel)) return fail(appError('not-found', `No channel named "${String(channel).slice(0, 80)}".`))
  // Checked once, here, whichever face it came through: the handler gets the contract's type.
  const checked = channelSchemas[channel].safeParse(input, { error: issueWording })
  if (!checked.success) return fail(inputError(channel, checked.error))
  try {
    return ok(await (handlers[channel] as Handler<C>)(ctx, checked.data as Input<C>))
  } catch (e) {
    if (e instanceof AppFailure) return fail(e.error)
    if (e instanceof StoreError) return fail(e.toAppError())
    return fail(toAppError(e))
  }
}
