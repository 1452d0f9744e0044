import type { WebContents } from 'electron'
import { IPC_EVENT, type Events } from '../../shared/api'
import type { OpenRequest } from './open-request'

/** What the shell sends down IPC_EVENT: the contract's events ('app.open' carries an OpenRequest). */
export type ShellEvents = Events & { 'app.open': OpenRequest }

export function sendEvent<E extends keyof ShellEvents>(contents: WebContents, name: E, payload: ShellEvents[E]): void {
  contents.send(IPC_EVENT, name, payload)
}
