import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { IPC_INVOKE } from '../../shared/api'
import { appError } from '../../shared/errors'
import { fail, type Result } from '../../shared/result'
import type { Core } from '../app/core/core-types'

export interface IpcBridge {
  /** Waits for calls already in progress (a save the user just made) before the core closes. */
  drain(): Promise<void>
}

/**
 * The one IPC handler: every contract channel goes through it, generic over the contract. A call
 * from any frame but the app's own window is refused with a Result (never a throw: errors lose their
 * type across IPC), and so is anything that throws inside.
 */
export function registerIpc(core: Promise<Core>, isOwnFrame: (event: IpcMainInvokeEvent) => boolean): IpcBridge {
  const inFlight = new Set<Promise<unknown>>()
  ipcMain.handle(IPC_INVOKE, (event, channel: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isOwnFrame(event)) {
      console.warn(`Refused IPC from a foreign frame: ${event.senderFrame?.url ?? '(gone)'}`)
      return Promise.resolve(
        fail(appError('internal', 'Refused a request that did not come from the Upstream window.')),
      )
    }
    const call = dispatch(core, channel, input)
    inFlight.add(call)
    void call.finally(() => inFlight.delete(call))
    return call
  })
  return {
    async drain() {
      // A few rounds: a call finishing may have been followed by the renderer's next one.
      for (let round = 0; round < 3 && inFlight.size > 0; round++) await Promise.allSettled([...inFlight])
    },
  }
}

async function dispatch(core: Promise<Core>, channel: unknown, input: unknown): Promise<Result<unknown>> {
  try {
    const c = await core
    if (typeof channel !== 'string' || !c.isChannel(channel)) {
      return fail(
        appError('invalid-input', `There is no channel named ${JSON.stringify(String(channel).slice(0, 80))}.`),
      )
    }
    return await c.invoke(channel, input)
  } catch (error) {
    return fail(
      appError('internal', `Upstream failed inside: ${error instanceof Error ? error.message : String(error)}`),
    )
  }
}
