import { useEffect } from 'react'
import type { UpstreamApi } from '../../../shared/api'
import { isCommand, type Command } from './commands'

/**
 * The desktop shell's menu sends `menu.command`. It is not (yet) in the contract's Events map, so
 * this one subscription is typed by hand; the payload is checked, not trusted.
 */
type MenuOn = (event: 'menu.command', listener: (payload: { command?: unknown } | null) => void) => () => void

export function useMenuCommands(api: UpstreamApi, emit: (command: Command) => void): void {
  useEffect(() => {
    const on = api.on as unknown as MenuOn
    return on('menu.command', (payload) => {
      if (isCommand(payload?.command)) emit(payload.command)
    })
  }, [api, emit])
}
