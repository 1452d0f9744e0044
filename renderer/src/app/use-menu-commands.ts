import { useEffect } from 'react'
import type { UpstreamApi } from '../../../shared/api'
import { isCommand, type Command } from './commands'

/** The desktop menu (Electron only) sends `menu.command`; the payload is checked, not trusted. */
export function useMenuCommands(api: UpstreamApi, emit: (command: Command) => void): void {
  useEffect(
    () =>
      api.on('menu.command', (payload) => {
        if (isCommand(payload?.command)) emit(payload.command)
      }),
    [api, emit],
  )
}
